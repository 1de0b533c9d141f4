"""Builds a pipeline of Stable Diffusion 1.5's scale with random weights, for the GPU
benchmark: the SD 1.5 UNet configuration (about 860M parameters), its VAE and a CLIP text
encoder of its size, traced in float16 on CUDA, with the word-level tokenizer of the tiny
pipeline padded to 77 tokens. It draws noise; it measures speed.

Needs torch with CUDA, diffusers and transformers (no weights, no network):

    python models/export/make_sd15_scale_pipeline.py /tmp/sd15-scale
    cd models && ../mvnw -B -q surefire:test -Dtest=DiffusionBenchmark -Dbenchmarks.excluded= \\
        -Dbenchmark.model-dir=/tmp/sd15-scale -Dbenchmark.device=cuda -Dbenchmark.steps=25 -Dbenchmark.batches=1,8

NOT RUN yet: no session so far had a GPU or diffusers.
"""
import json
import pathlib
import sys

import torch

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from export_diffusers import TextEncoder, UNet, VaeDecoder  # noqa: E402
from make_tiny_pipeline import tokenizer_json  # noqa: E402


def main(folder):
    from diffusers import AutoencoderKL, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel

    out = pathlib.Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    device, dtype = "cuda", torch.float16
    unet = UNet2DConditionModel(
        sample_size=64, in_channels=4, out_channels=4, layers_per_block=2,
        block_out_channels=(320, 640, 1280, 1280), cross_attention_dim=768, attention_head_dim=8,
        down_block_types=("CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"),
        up_block_types=("UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"),
    ).to(device, dtype).eval()
    vae = AutoencoderKL(
        in_channels=3, out_channels=3, latent_channels=4, block_out_channels=(128, 256, 512, 512),
        down_block_types=("DownEncoderBlock2D",) * 4, up_block_types=("UpDecoderBlock2D",) * 4, layers_per_block=2,
    ).to(device, dtype).eval()
    text = CLIPTextModel(CLIPTextConfig(vocab_size=49408, hidden_size=768, intermediate_size=3072,
                                        num_hidden_layers=12, num_attention_heads=12,
                                        max_position_embeddings=77)).to(device, dtype).eval()
    print("UNet parameters:", sum(p.numel() for p in unet.parameters()))
    with torch.no_grad():
        ids = torch.zeros(2, 77, dtype=torch.int64, device=device)
        latents = torch.randn(2, 4, 64, 64, dtype=dtype, device=device)
        states = torch.randn(2, 77, 768, dtype=dtype, device=device)
        timestep = torch.tensor([999.0, 999.0], dtype=dtype, device=device)
        torch.jit.trace(TextEncoder(text), (ids,)).save(str(out / "text_encoder.pt"))
        torch.jit.trace(UNet(unet), (latents, timestep, states)).save(str(out / "unet.pt"))
        torch.jit.trace(VaeDecoder(vae), (latents,)).save(str(out / "vae_decoder.pt"))
    tokenizer_json(out / "tokenizer.json")
    pipeline = {
        "format": "prompt2pixel-sd/1", "name": "sd15-scale-random",
        "text_encoder": "text_encoder.pt", "unet": "unet.pt", "vae_decoder": "vae_decoder.pt",
        "tokenizer": "tokenizer.json", "max_text_length": 77, "pad_token_id": 0, "text_hidden_size": 768,
        "latent_channels": 4, "vae_scale_factor": 8, "latent_scale": 0.18215, "prediction_type": "epsilon",
        "num_train_timesteps": 1000, "beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear",
        "dtype": "float16",
    }
    (out / "pipeline.json").write_text(json.dumps(pipeline, indent=1) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "sd15-scale")
