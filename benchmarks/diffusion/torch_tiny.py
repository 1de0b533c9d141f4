"""The Python side of the DJL-versus-torch comparison: the same TorchScript files of a pipeline
directory, the same loop as the Java engine (text encoder once, per step one UNet call on the
doubled batch for classifier-free guidance, the Euler update, the VAE decoder, pixels to uint8),
on the same number of threads. It stops at uint8 pixels: PNG encoding is timed on the Java side
on its own. Prints one line per batch size: "<batch> <seconds per batch> <images per second>".

    /usr/bin/python3 benchmarks/diffusion/torch_tiny.py DIR [threads] [size] [steps]
"""
import json
import pathlib
import sys
import time

import numpy as np
import torch

folder = pathlib.Path(sys.argv[1])
threads = int(sys.argv[2]) if len(sys.argv) > 2 else 2
size = int(sys.argv[3]) if len(sys.argv) > 3 else 512
steps = int(sys.argv[4]) if len(sys.argv) > 4 else 20
torch.set_num_threads(threads)
config = json.loads((folder / "pipeline.json").read_text())
text_encoder = torch.jit.load(str(folder / config["text_encoder"])).eval()
unet = torch.jit.load(str(folder / config["unet"])).eval()
decoder = torch.jit.load(str(folder / config["vae_decoder"])).eval()

n = config["num_train_timesteps"]
betas = torch.linspace(config["beta_start"] ** 0.5, config["beta_end"] ** 0.5, n, dtype=torch.float64) ** 2
alphas = torch.cumprod(1 - betas, 0)
all_sigmas = ((1 - alphas) / alphas) ** 0.5
timesteps = torch.linspace(0, n - 1, steps, dtype=torch.float64).flip(0)
sigmas = np.concatenate([np.interp(timesteps.numpy(), np.arange(n), all_sigmas.numpy()), [0.0]])
latent = size // config["vae_scale_factor"]
length = config["max_text_length"]


def generate(batch):
    with torch.no_grad():
        ids = torch.zeros(2 * batch, length, dtype=torch.int64)
        hidden = text_encoder(ids)
        latents = torch.randn(batch, config["latent_channels"], latent, latent) * float(sigmas[0])
        for k in range(steps):
            sigma = float(sigmas[k])
            model_input = latents / (sigma * sigma + 1) ** 0.5
            t = torch.full((2 * batch,), float(timesteps[k]))
            output = unet(torch.cat([model_input, model_input]), t, hidden)
            uncond, cond = output[:batch], output[batch:]
            eps = uncond + 7.0 * (cond - uncond)
            latents = latents + eps * (float(sigmas[k + 1]) - sigma)
        image = decoder(latents / config["latent_scale"])
        return ((image + 1) * 127.5).clamp(0, 255).round().to(torch.uint8).numpy()


generate(1)
for batch in (1, 4, 8):
    runs = 3
    start = time.perf_counter()
    for _ in range(runs):
        generate(batch)
    seconds = (time.perf_counter() - start) / runs
    print(batch, round(seconds, 4), round(batch / seconds, 3))
