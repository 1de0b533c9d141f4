"""Builds the tiny test matte: a TorchScript model with the signature of an exported
salient-object segmentation model (image [B, 3, S, S], normalised with matte.json's mean and
std, to the product's probability [B, 1, S, S] in [0, 1]), small enough to commit and to run
in the tests on a CPU in milliseconds.

Its weights are set by hand, not trained and not random: a 1x1 convolution that undoes the
normalisation and measures how much darker than white a pixel is, a 3x3 mean, a sigmoid. On a
white studio backdrop it finds a coloured product, so the tests can check that the Java side
normalises, orients and resizes correctly (a transposed or mis-scaled input would not find
the product). It knows nothing else: a fixture, not a model.

Run with Debian's python3-torch (only /usr/bin/python3 sees it):
    /usr/bin/python3 models/export/make_tiny_matte.py models/src/test/resources/tiny-matte
"""
import json
import pathlib
import sys

import torch
from torch import nn

SIZE = 128
MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]
# sigmoid(STEEPNESS * (darkness - THRESHOLD)): white is about 0.05, a mid colour about 1
STEEPNESS = 60.0
THRESHOLD = 0.05


class DarkOnWhite(nn.Module):
    def __init__(self):
        super().__init__()
        self.darkness = nn.Conv2d(3, 1, 1)
        self.mean = nn.Conv2d(1, 1, 3, padding=1, bias=False)
        with torch.no_grad():
            # x = x_norm * std + mean; darkness = 1 - (r + g + b) / 3
            for c in range(3):
                self.darkness.weight[0, c, 0, 0] = -STEEPNESS * STD[c] / 3
            self.darkness.bias[0] = STEEPNESS * (1 - sum(MEAN) / 3 - THRESHOLD)
            self.mean.weight.fill_(1 / 9)

    def forward(self, image):
        return torch.sigmoid(self.mean(self.darkness(image)))


def main(out):
    out.mkdir(parents=True, exist_ok=True)
    model = DarkOnWhite().eval()
    example = torch.zeros(1, 3, SIZE, SIZE)
    traced = torch.jit.trace(model, example)
    traced.save(str(out / "model.pt"))
    config = {
        "format": "prompt2pixel-matte/1",
        "name": "tiny-dark-on-white",
        "model": "model.pt",
        "input_size": SIZE,
        "mean": MEAN,
        "std": STD,
    }
    (out / "matte.json").write_text(json.dumps(config, indent=1) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "tiny-matte"))
