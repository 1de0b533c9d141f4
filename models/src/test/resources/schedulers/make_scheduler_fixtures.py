"""Reference values for the Java schedulers, computed in float64 with numpy by the published
formulas (the same ones diffusers implements):

- Euler (discrete): Karras et al. 2022, Algorithm 2 without churn; sigmas from the training
  alphas, timesteps evenly spaced over [0, N-1] ("linspace"), sigma interpolated at them.
- DDIM: Song et al. 2020, eta = 0; "leading" timesteps with an offset of 1, as Stable
  Diffusion's configuration has it; the final step goes to alpha_cumprod[0].
- DPM-Solver++(2M): Lu et al. 2022, data prediction, second order multistep (midpoint form),
  first order on the first and the last step; "linspace" timesteps; the final sigma is 0.
- LCM: Luo et al. 2023, consistency boundary conditions (sigma_data 0.5, timestep scaling
  10) over 50 original steps; noise for the next step comes from the test's own sequence.

Inputs are deterministic (no random numbers), so Java can feed the same ones:
  sample[i]        = sin(0.37 * i + 0.11) for i in 0..size-1
  model_output_k[i] = cos(0.21 * i + 0.5 * k)  at step k
  noise_k[i]        = sin(0.13 * i - 0.7 * k)   (LCM only)
Run with Debian's python3-numpy:   /usr/bin/python3 make_scheduler_fixtures.py
"""
import json
import math
import pathlib

import numpy as np

N = 1000
BETA_START, BETA_END = 0.00085, 0.012
SIZE = 16

betas = np.linspace(BETA_START ** 0.5, BETA_END ** 0.5, N, dtype=np.float64) ** 2
alphas_cumprod = np.cumprod(1.0 - betas)


def sample():
    return np.array([math.sin(0.37 * i + 0.11) for i in range(SIZE)])


def model_output(k):
    return np.array([math.cos(0.21 * i + 0.5 * k) for i in range(SIZE)])


def noise(k):
    return np.array([math.sin(0.13 * i - 0.7 * k) for i in range(SIZE)])


def euler(steps):
    timesteps = np.linspace(0, N - 1, steps)[::-1].copy()
    all_sigmas = ((1 - alphas_cumprod) / alphas_cumprod) ** 0.5
    sigmas = np.interp(timesteps, np.arange(N), all_sigmas)
    sigmas = np.concatenate([sigmas, [0.0]])
    x = sample() * sigmas[0]
    inputs, outputs = [], []
    for k, t in enumerate(timesteps):
        sigma = sigmas[k]
        inputs.append((x / (sigma ** 2 + 1) ** 0.5).tolist())
        eps = model_output(k)
        denoised = x - sigma * eps
        derivative = (x - denoised) / sigma
        x = x + derivative * (sigmas[k + 1] - sigma)
        outputs.append(x.tolist())
    return dict(timesteps=timesteps.tolist(), init_noise_sigma=float(sigmas[0]), model_inputs=inputs,
                outputs=outputs)


def ddim(steps):
    ratio = N // steps
    timesteps = (np.arange(0, steps) * ratio)[::-1] + 1
    x = sample()
    inputs, outputs = [], []
    for k, t in enumerate(timesteps):
        inputs.append(x.tolist())
        eps = model_output(k)
        prev = t - ratio
        a_t = alphas_cumprod[t]
        a_prev = alphas_cumprod[prev] if prev >= 0 else alphas_cumprod[0]
        x0 = (x - (1 - a_t) ** 0.5 * eps) / a_t ** 0.5
        x = a_prev ** 0.5 * x0 + (1 - a_prev) ** 0.5 * eps
        outputs.append(x.tolist())
    return dict(timesteps=[float(t) for t in timesteps], init_noise_sigma=1.0, model_inputs=inputs,
                outputs=outputs)


def dpmpp_2m(steps):
    timesteps = np.linspace(0, N - 1, steps + 1).round()[::-1][:-1].astype(np.int64)

    def alpha_sigma(t):
        if t is None:
            return 1.0, 0.0
        a = alphas_cumprod[t]
        return a ** 0.5, (1 - a) ** 0.5

    x = sample()
    previous_x0 = None
    inputs, outputs = [], []
    for k, t in enumerate(timesteps):
        inputs.append(x.tolist())
        eps = model_output(k)
        alpha_s, sigma_s = alpha_sigma(t)
        x0 = (x - sigma_s * eps) / alpha_s
        nxt = timesteps[k + 1] if k + 1 < len(timesteps) else None
        alpha_t, sigma_t = alpha_sigma(nxt)
        if nxt is None:
            x = x0  # the final sigma is 0: the first-order update lands on the data prediction
        else:
            lam_t = math.log(alpha_t) - math.log(sigma_t)
            lam_s = math.log(alpha_s) - math.log(sigma_s)
            h = lam_t - lam_s
            if previous_x0 is None:
                x = (sigma_t / sigma_s) * x - alpha_t * (math.exp(-h) - 1) * x0
            else:
                t_prev = timesteps[k - 1]
                alpha_p, sigma_p = alpha_sigma(t_prev)
                lam_p = math.log(alpha_p) - math.log(sigma_p)
                r = (lam_s - lam_p) / h
                d1 = (x0 - previous_x0) / r
                x = (sigma_t / sigma_s) * x - alpha_t * (math.exp(-h) - 1) * x0 \
                    - 0.5 * alpha_t * (math.exp(-h) - 1) * d1
        previous_x0 = x0
        outputs.append(x.tolist())
    return dict(timesteps=[float(t) for t in timesteps], init_noise_sigma=1.0, model_inputs=inputs,
                outputs=outputs)


def lcm(steps):
    original = 50
    c = N // original
    origin = np.arange(1, original + 1) * c - 1
    skipping = len(origin) // steps
    timesteps = origin[::-1][::skipping][:steps]
    x = sample()
    inputs, outputs = [], []
    for k, t in enumerate(timesteps):
        inputs.append(x.tolist())
        eps = model_output(k)
        prev = timesteps[k + 1] if k + 1 < len(timesteps) else None
        a_t = alphas_cumprod[t]
        scaled = t * 10.0
        c_skip = 0.25 / (scaled ** 2 + 0.25)
        c_out = scaled / (scaled ** 2 + 0.25) ** 0.5
        x0 = (x - (1 - a_t) ** 0.5 * eps) / a_t ** 0.5
        denoised = c_out * x0 + c_skip * x
        if prev is None:
            x = denoised
        else:
            a_prev = alphas_cumprod[prev]
            x = a_prev ** 0.5 * denoised + (1 - a_prev) ** 0.5 * noise(k)
        outputs.append(x.tolist())
    return dict(timesteps=[float(t) for t in timesteps], init_noise_sigma=1.0, model_inputs=inputs,
                outputs=outputs)


fixtures = {"size": SIZE, "num_train_timesteps": N, "beta_start": BETA_START, "beta_end": BETA_END,
            "schedulers": {}}
for name, run in (("euler", euler), ("ddim", ddim), ("dpm++2m", dpmpp_2m), ("lcm", lcm)):
    fixtures["schedulers"][name] = {str(steps): run(steps) for steps in (1, 4, 10)}
pathlib.Path(__file__).with_name("scheduler-fixtures.json").write_text(json.dumps(fixtures, indent=1) + "\n")
