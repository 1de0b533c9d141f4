"""Exports a diffusers Stable Diffusion pipeline to a Prompt2Pixel pipeline directory:
TorchScript parts, tokenizer.json and pipeline.json (format prompt2pixel-sd/1, see README.md).

Run it where the weights are, with torch, diffusers and transformers installed:

    python export_diffusers.py runwayml/stable-diffusion-v1-5 out/sd15
    python export_diffusers.py stabilityai/sd-turbo out/sd-turbo --fp16 --device cuda

SD 1.x, SD 2.x (epsilon or v-prediction) and SD-Turbo class models share these signatures;
the engine turns a v-prediction into a noise prediction before each scheduler step.
Inpainting checkpoints (runwayml/stable-diffusion-inpainting and the like, whose UNet takes
9 channels: latents, mask, latents of the kept pixels) export the same way and are marked
with "unet_in_channels": 9.

NOT RUN in the project's CI: the build machines have neither diffusers nor the weights. The
tiny test pipeline (make_tiny_pipeline.py) has the same signatures and is what the tests run.
"""
import argparse
import json
import pathlib

import torch


class TextEncoder(torch.nn.Module):
    def __init__(self, encoder):
        super().__init__()
        self.encoder = encoder

    def forward(self, input_ids):
        return self.encoder(input_ids, return_dict=False)[0]


class UNet(torch.nn.Module):
    def __init__(self, unet):
        super().__init__()
        self.unet = unet

    def forward(self, sample, timestep, encoder_hidden_states):
        return self.unet(sample, timestep, encoder_hidden_states, return_dict=False)[0]


class VaeDecoder(torch.nn.Module):
    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, latents):
        return self.vae.decode(latents, return_dict=False)[0]


class VaeEncoder(torch.nn.Module):
    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, image):
        return self.vae.encode(image, return_dict=False)[0].mean


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", help="a diffusers model id or folder")
    parser.add_argument("out", help="the pipeline directory to write")
    parser.add_argument("--fp16", action="store_true", help="half precision (run on cuda only)")
    parser.add_argument("--device", default="cpu", help="where to trace: cpu, or cuda for --fp16")
    parser.add_argument("--name", help="the model name recorded with every image (default: the model id)")
    args = parser.parse_args()

    from diffusers import DiffusionPipeline
    from transformers import CLIPTokenizerFast

    dtype = torch.float16 if args.fp16 else torch.float32
    if args.fp16 and args.device == "cpu":
        parser.error("--fp16 needs --device cuda: half precision convolutions do not run on the CPU")
    # the pipeline class the checkpoint names (an inpainting one for inpainting checkpoints)
    pipe = DiffusionPipeline.from_pretrained(args.model, torch_dtype=dtype).to(args.device)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    length = pipe.tokenizer.model_max_length
    hidden = pipe.text_encoder.config.hidden_size
    channels = pipe.vae.config.latent_channels
    unet_in = pipe.unet.config.in_channels
    factor = 2 ** (len(pipe.vae.config.block_out_channels) - 1)
    size = pipe.unet.config.sample_size
    with torch.no_grad():
        ids = torch.zeros(2, length, dtype=torch.int64, device=args.device)
        latents = torch.randn(2, channels, size, size, dtype=dtype, device=args.device)
        states = torch.randn(2, length, hidden, dtype=dtype, device=args.device)
        timestep = torch.tensor([999.0, 999.0], dtype=dtype, device=args.device)
        image = torch.zeros(2, 3, size * factor, size * factor, dtype=dtype, device=args.device)
        torch.jit.trace(TextEncoder(pipe.text_encoder).eval(), (ids,)).save(str(out / "text_encoder.pt"))
        unet_input = torch.randn(2, unet_in, size, size, dtype=dtype, device=args.device)
        torch.jit.trace(UNet(pipe.unet).eval(), (unet_input, timestep, states)).save(str(out / "unet.pt"))
        torch.jit.trace(VaeDecoder(pipe.vae).eval(), (latents,)).save(str(out / "vae_decoder.pt"))
        torch.jit.trace(VaeEncoder(pipe.vae).eval(), (image,)).save(str(out / "vae_encoder.pt"))

    tokenizer = CLIPTokenizerFast.from_pretrained(args.model, subfolder="tokenizer")
    tokenizer.backend_tokenizer.save(str(out / "tokenizer.json"))
    scheduler = pipe.scheduler.config
    pipeline = {
        "format": "prompt2pixel-sd/1",
        "name": args.name or args.model,
        "text_encoder": "text_encoder.pt",
        "unet": "unet.pt",
        "vae_decoder": "vae_decoder.pt",
        "vae_encoder": "vae_encoder.pt",
        "tokenizer": "tokenizer.json",
        "max_text_length": length,
        "pad_token_id": tokenizer.pad_token_id,
        "text_hidden_size": hidden,
        "latent_channels": channels,
        "unet_in_channels": unet_in,
        "vae_scale_factor": factor,
        "latent_scale": pipe.vae.config.scaling_factor,
        "prediction_type": scheduler.get("prediction_type", "epsilon"),
        "num_train_timesteps": scheduler["num_train_timesteps"],
        "beta_start": scheduler["beta_start"],
        "beta_end": scheduler["beta_end"],
        "beta_schedule": scheduler["beta_schedule"],
        "dtype": "float16" if args.fp16 else "float32",
    }
    (out / "pipeline.json").write_text(json.dumps(pipeline, indent=1) + "\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
