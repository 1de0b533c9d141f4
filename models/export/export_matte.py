"""Exports a public salient-object segmentation model as a prompt2pixel matte directory
(matte.json and a TorchScript model.pt) for `--matte model --model-dir DIR`.

The contract the Java side (SegmentationMatte) relies on: model.pt takes the photo resized to
[B, 3, S, S], RGB in [0, 1] normalised with matte.json's mean and std, and gives the product's
probability [B, 1, S, S] in [0, 1]. Each model's own post-processing (its sigmoid, U2-Net's and
ISNet's min-max normalisation) is inside the exported wrapper, so the Java side does the same
for every model.

    # U2-Net (github.com/xuebinqin/U-2-Net, weights u2net.pth), 320 x 320
    python export_matte.py --arch u2net --repo U-2-Net --weights u2net.pth out/u2net
    # ISNet / DIS (github.com/xuebinqin/DIS, weights isnet-general-use.pth), 1024 x 1024
    python export_matte.py --arch isnet --repo DIS/IS-Net --weights isnet-general-use.pth out/isnet
    # BiRefNet (huggingface.co/ZhengPeng7/BiRefNet, through transformers), 1024 x 1024
    python export_matte.py --arch birefnet out/birefnet

Needs torch (and transformers for BiRefNet). This script has **not been run** in this project:
the build machines have neither the repositories nor the weights. It follows each project's
documented inference code (u2net_test.py, DIS's Inference.py, BiRefNet's model card); treat
its first run as a test and report what breaks.
"""
import argparse
import json
import pathlib
import sys

import torch
from torch import nn

ARCHS = {
    # input size, mean, std, as each project's inference code normalises
    "u2net": (320, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
    "isnet": (1024, [0.5, 0.5, 0.5], [1.0, 1.0, 1.0]),
    "birefnet": (1024, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
}


class MinMax(nn.Module):
    """U2-Net and ISNet: the first side output (already a sigmoid), stretched to [0, 1]."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, image):
        first = self.net(image)[0]
        if isinstance(first, (list, tuple)):
            first = first[0]
        low = first.amin(dim=(1, 2, 3), keepdim=True)
        high = first.amax(dim=(1, 2, 3), keepdim=True)
        return (first - low) / (high - low + 1e-8)


class Sigmoid(nn.Module):
    """BiRefNet: the last prediction's logits through a sigmoid."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, image):
        return self.net(image)[-1].sigmoid()


def load(arch, repo, weights):
    if arch == "birefnet":
        from transformers import AutoModelForImageSegmentation
        net = AutoModelForImageSegmentation.from_pretrained("ZhengPeng7/BiRefNet", trust_remote_code=True)
        return Sigmoid(net)
    if repo is None or weights is None:
        sys.exit(f"--arch {arch} needs --repo (the project's clone) and --weights")
    sys.path.insert(0, str(pathlib.Path(repo).resolve()))
    if arch == "u2net":
        from model import U2NET
        net = U2NET(3, 1)
    else:
        from models import ISNetDIS
        net = ISNetDIS()
    net.load_state_dict(torch.load(weights, map_location="cpu"))
    return MinMax(net)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--arch", choices=sorted(ARCHS), required=True)
    parser.add_argument("--repo")
    parser.add_argument("--weights")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("out")
    args = parser.parse_args()
    size, mean, std = ARCHS[args.arch]
    model = load(args.arch, args.repo, args.weights).eval().to(args.device)
    example = torch.rand(1, 3, size, size, device=args.device)
    with torch.no_grad():
        traced = torch.jit.trace(model, example, strict=False)
        probability = traced(example)
    if tuple(probability.shape) != (1, 1, size, size):
        sys.exit(f"the wrapped model gives {tuple(probability.shape)}, not (1, 1, {size}, {size})")
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    traced.save(str(out / "model.pt"))
    config = {"format": "prompt2pixel-matte/1", "name": args.arch, "model": "model.pt", "input_size": size,
              "mean": mean, "std": std}
    (out / "matte.json").write_text(json.dumps(config, indent=1) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
