"""Builds the tiny test pipeline: the tensor signatures of a Stable Diffusion pipeline
(text encoder, UNet with cross-attention and a timestep embedding, VAE decoder and encoder)
with small random weights, so that the whole DJL path runs in the tests on a CPU in
milliseconds. It draws nothing meaningful; it is a fixture, not a model.

Run with Debian's python3-torch (only /usr/bin/python3 sees it):
    /usr/bin/python3 models/export/make_tiny_pipeline.py models/src/test/resources/tiny-sd
    /usr/bin/python3 models/export/make_tiny_pipeline.py --inpainting models/src/test/resources/tiny-sd-inpainting

--inpainting gives the UNet the input of an inpainting UNet (runwayml/stable-diffusion-inpainting
and its kind): the latents, the mask of what to generate and the latents of the pixels to keep,
2 * 4 + 1 = 9 channels.
"""
import json
import math
import pathlib
import sys

import torch
from torch import nn

torch.manual_seed(20261125)
MAX_LENGTH = 16
HIDDEN = 32
LATENT = 4
CHANNELS = 16

WORDS = sorted(set("""
a an the of on in with and at by for from to near under over beside product photo studio
light soft warm cool natural bright shadow shadows background scene table wooden marble linen
kitchen bathroom bedroom living room garden outdoor indoor window morning evening sunlight
minimal clean modern rustic cozy elegant luxury seasonal lifestyle close up detail texture
mug cup vase lamp bag shirt shoe shoes ring necklace phone chair sofa bowl plate candle bottle
white black grey gray beige cream green sage blue red pink gold silver brown terracotta ceramic
stoneware glass wood metal leather cotton
blurry blur low quality watermark text logo distorted deformed noisy cropped
""".split()))


def tokenizer_json(path):
    vocab = {"<pad>": 0, "<bos>": 1, "<eos>": 2, "<unk>": 3}
    for word in WORDS:
        vocab[word] = len(vocab)
    special = [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                "normalized": False, "special": True} for t, i in list(vocab.items())[:4]]
    tokenizer = {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": special,
        "normalizer": {"type": "Lowercase"},
        "pre_tokenizer": {"type": "Whitespace"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "<bos>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "<eos>", "type_id": 0}}],
            "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}],
            "special_tokens": {"<bos>": {"id": "<bos>", "ids": [1], "tokens": ["<bos>"]},
                               "<eos>": {"id": "<eos>", "ids": [2], "tokens": ["<eos>"]}}},
        "decoder": None,
        "model": {"type": "WordLevel", "vocab": vocab, "unk_token": "<unk>"},
    }
    path.write_text(json.dumps(tokenizer, indent=1) + "\n")
    return len(vocab)


class TextEncoder(nn.Module):
    def __init__(self, vocab):
        super().__init__()
        self.tokens = nn.Embedding(vocab, HIDDEN)
        self.positions = nn.Parameter(torch.randn(MAX_LENGTH, HIDDEN) * 0.02)
        self.layer = nn.TransformerEncoderLayer(HIDDEN, 2, 64, dropout=0.0, batch_first=True)
        self.norm = nn.LayerNorm(HIDDEN)

    def forward(self, input_ids):
        return self.norm(self.layer(self.tokens(input_ids) + self.positions))


class CrossAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.q = nn.Linear(CHANNELS, CHANNELS, bias=False)
        self.k = nn.Linear(HIDDEN, CHANNELS, bias=False)
        self.v = nn.Linear(HIDDEN, CHANNELS, bias=False)
        self.out = nn.Linear(CHANNELS, CHANNELS)

    def forward(self, x, context):
        b, c, h, w = x.shape
        flat = x.flatten(2).transpose(1, 2)
        weights = torch.softmax(self.q(flat) @ self.k(context).transpose(1, 2) / math.sqrt(c), dim=-1)
        attended = self.out(weights @ self.v(context))
        return x + attended.transpose(1, 2).reshape(b, c, h, w)


class UNet(nn.Module):
    def __init__(self, in_channels):
        super().__init__()
        self.conv_in = nn.Conv2d(in_channels, CHANNELS, 3, padding=1)
        self.time = nn.Sequential(nn.Linear(CHANNELS, CHANNELS), nn.SiLU(), nn.Linear(CHANNELS, CHANNELS))
        self.down = nn.Conv2d(CHANNELS, CHANNELS, 3, stride=2, padding=1)
        self.attention = CrossAttention()
        self.up = nn.ConvTranspose2d(CHANNELS, CHANNELS, 4, stride=2, padding=1)
        self.conv_out = nn.Conv2d(CHANNELS, LATENT, 3, padding=1)

    def forward(self, sample, timestep, encoder_hidden_states):
        half = CHANNELS // 2
        frequencies = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float32) / half)
        angles = timestep.float()[:, None] * frequencies[None, :]
        embedding = self.time(torch.cat([torch.sin(angles), torch.cos(angles)], dim=1))
        x = torch.nn.functional.silu(self.conv_in(sample) + embedding[:, :, None, None])
        skip = x
        x = self.attention(torch.nn.functional.silu(self.down(x)), encoder_hidden_states)
        x = self.up(x)[:, :, : skip.shape[2], : skip.shape[3]] + skip
        return self.conv_out(torch.nn.functional.silu(x))


class VaeDecoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv_in = nn.Conv2d(LATENT, 16, 3, padding=1)
        self.stages = nn.ModuleList([nn.Conv2d(16, 8, 3, padding=1), nn.Conv2d(8, 8, 3, padding=1),
                                     nn.Conv2d(8, 8, 3, padding=1)])
        self.conv_out = nn.Conv2d(8, 3, 3, padding=1)

    def forward(self, latents):
        x = torch.nn.functional.silu(self.conv_in(latents))
        for stage in self.stages:
            x = torch.nn.functional.silu(stage(torch.nn.functional.interpolate(x, scale_factor=2.0, mode="nearest")))
        return torch.tanh(self.conv_out(x))


class VaeEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, stride=2, padding=1)
        self.mid = nn.Conv2d(8, 8, 3, stride=2, padding=1)
        self.conv_out = nn.Conv2d(8, LATENT, 3, stride=2, padding=1)

    def forward(self, image):
        x = torch.nn.functional.silu(self.conv(image))
        return self.conv_out(torch.nn.functional.silu(self.mid(x)))


def main(folder, inpainting):
    folder = pathlib.Path(folder)
    unet_in = 2 * LATENT + 1 if inpainting else LATENT
    folder.mkdir(parents=True, exist_ok=True)
    vocab = tokenizer_json(folder / "tokenizer.json")
    with torch.no_grad():
        ids = torch.zeros(2, MAX_LENGTH, dtype=torch.int64)
        text_encoder = torch.jit.trace(TextEncoder(vocab).eval(), (ids,))
        hidden = text_encoder(ids)
        latents = torch.randn(2, LATENT, 8, 8)
        unet = torch.jit.trace(UNet(unet_in).eval(), (torch.randn(2, unet_in, 8, 8), torch.tensor([999.0, 999.0]),
                                                     hidden))
        decoder = torch.jit.trace(VaeDecoder().eval(), (latents,))
        encoder = torch.jit.trace(VaeEncoder().eval(), (torch.zeros(2, 3, 64, 64),))
    text_encoder.save(str(folder / "text_encoder.pt"))
    unet.save(str(folder / "unet.pt"))
    decoder.save(str(folder / "vae_decoder.pt"))
    encoder.save(str(folder / "vae_encoder.pt"))
    pipeline = {
        "format": "prompt2pixel-sd/1",
        "name": "tiny-sd-inpainting-test" if inpainting else "tiny-sd-test",
        "text_encoder": "text_encoder.pt",
        "unet": "unet.pt",
        "vae_decoder": "vae_decoder.pt",
        "vae_encoder": "vae_encoder.pt",
        "tokenizer": "tokenizer.json",
        "max_text_length": MAX_LENGTH,
        "pad_token_id": 0,
        "text_hidden_size": HIDDEN,
        "latent_channels": LATENT,
        "unet_in_channels": unet_in,
        "vae_scale_factor": 8,
        "latent_scale": 0.18215,
        "prediction_type": "epsilon",
        "num_train_timesteps": 1000,
        "beta_start": 0.00085,
        "beta_end": 0.012,
        "beta_schedule": "scaled_linear",
        "dtype": "float32",
    }
    (folder / "pipeline.json").write_text(json.dumps(pipeline, indent=1) + "\n")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--inpainting"]
    main(arguments[0] if arguments else "tiny-sd", "--inpainting" in sys.argv[1:])
