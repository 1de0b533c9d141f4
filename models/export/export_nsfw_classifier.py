"""Exports a public image classifier of unsafe content as a prompt2pixel classifier directory
(classifier.json and a TorchScript model.pt) for `p2p.moderate.safety.model-dir`.

The contract the Java side (TorchImageClassifier) relies on: model.pt takes the image resized
to [B, 3, S, S], RGB in [0, 1] normalised with classifier.json's mean and std, and gives the
logits of classifier.json's labels [B, K]; the Java side takes their softmax and sums the
labels listed as unsafe.

    # Falconsai/nsfw_image_detection (a ViT, labels normal / nsfw), 224 x 224
    python export_nsfw_classifier.py --model Falconsai/nsfw_image_detection out/nsfw

Needs torch and transformers, and the model from huggingface.co (or a local copy's path as
--model). This script has **not been run** in this project: the build machines reach no model
hub. It follows the model card's use of ViTForImageClassification and ViTImageProcessor
(224 x 224, mean and std 0.5); treat its first run as a test and report what breaks.
"""
import argparse
import json
import pathlib

import torch
from torch import nn


class Logits(nn.Module):
    """The classifier's logits alone, so that the trace has one tensor out."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, image):
        return self.model(pixel_values=image).logits


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="Falconsai/nsfw_image_detection")
    parser.add_argument("--unsafe", nargs="+", default=["nsfw"], help="labels that are unsafe")
    parser.add_argument("out", type=pathlib.Path)
    args = parser.parse_args()

    from transformers import AutoImageProcessor, AutoModelForImageClassification

    processor = AutoImageProcessor.from_pretrained(args.model)
    model = AutoModelForImageClassification.from_pretrained(args.model).eval()
    size = processor.size.get("height", 224)
    labels = [model.config.id2label[i] for i in range(len(model.config.id2label))]
    missing = [label for label in args.unsafe if label not in labels]
    if missing:
        raise SystemExit(f"--unsafe {missing} are not labels of {args.model}: {labels}")

    args.out.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        traced = torch.jit.trace(Logits(model), torch.zeros(1, 3, size, size), strict=False)
    traced.save(str(args.out / "model.pt"))
    config = {
        "format": "prompt2pixel-classifier/1",
        "name": args.model.rsplit("/", 1)[-1],
        "model": "model.pt",
        "input_size": size,
        "mean": list(processor.image_mean),
        "std": list(processor.image_std),
        "labels": labels,
        "unsafe": args.unsafe,
    }
    (args.out / "classifier.json").write_text(json.dumps(config, indent=1) + "\n")
    print(f"wrote {args.out}: {labels}, unsafe {args.unsafe}, input {size}")


if __name__ == "__main__":
    main()
