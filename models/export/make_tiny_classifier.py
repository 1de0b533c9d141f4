"""Builds the tiny test classifier: a TorchScript model with the signature of an exported
image classifier (image [B, 3, S, S], normalised with classifier.json's mean and std, to the
logits of its labels [B, 2]: "normal", "nsfw"), small enough to commit and to run in the
tests on a CPU in milliseconds.

Its weights are set by hand, not trained and not random: it undoes the normalisation,
averages the image, and calls it "nsfw" as far as its red outweighs its blue. So the tests
can check that the Java side normalises, reads the labels and sums the unsafe ones right (a
red image is unsafe to it, a blue one safe). It knows nothing else: a fixture, not a model.

Run with Debian's python3-torch (only /usr/bin/python3 sees it):
    /usr/bin/python3 models/export/make_tiny_classifier.py models/src/test/resources/tiny-classifier
"""
import json
import pathlib
import sys

import torch
from torch import nn

SIZE = 64
MEAN = [0.5, 0.5, 0.5]
STD = [0.5, 0.5, 0.5]
STEEPNESS = 12.0


class RedIsUnsafe(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.tensor(MEAN).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor(STD).view(1, 3, 1, 1))

    def forward(self, image):
        rgb = (image * self.std + self.mean).mean(dim=(2, 3))
        redness = rgb[:, 0] - rgb[:, 2]
        return torch.stack([-STEEPNESS * redness, STEEPNESS * redness], dim=1)


def main(out):
    out.mkdir(parents=True, exist_ok=True)
    model = RedIsUnsafe().eval()
    traced = torch.jit.trace(model, torch.zeros(1, 3, SIZE, SIZE))
    traced.save(str(out / "model.pt"))
    config = {
        "format": "prompt2pixel-classifier/1",
        "name": "tiny-red-is-unsafe",
        "model": "model.pt",
        "input_size": SIZE,
        "mean": MEAN,
        "std": STD,
        "labels": ["normal", "nsfw"],
        "unsafe": ["nsfw"],
    }
    (out / "classifier.json").write_text(json.dumps(config, indent=1) + "\n")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
