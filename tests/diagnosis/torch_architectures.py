"""Small PyTorch versions of the architectures users train, and one training loop for all.

Each builder returns ``(model, data, optimizer factory)``; ``train`` runs it under
``watch`` and returns the handle, so a test asserts on ``handle.events``. Sizes are
small enough for CI on two CPU cores: a training is a few seconds.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, Dict, Optional

import numpy as np
import torch
from sklearn.datasets import load_digits
from torch import nn

from tbviz_plugin.integrations.torch import watch


@dataclasses.dataclass
class Case:
    """One training: the model, its data, its optimiser and how long it trains."""

    model: nn.Module
    x: torch.Tensor
    y: torch.Tensor
    optimizer: Callable[[Any], torch.optim.Optimizer]
    steps: int
    batch: int = 64
    every: int = 5
    forward: Optional[Callable[[nn.Module, torch.Tensor], torch.Tensor]] = None


def digit_images() -> tuple:
    """scikit-learn's digits as ``[N, 1, 8, 8]`` images in [0, 1] and class indices."""
    x, y = load_digits(return_X_y=True)
    return torch.tensor(x / 16.0, dtype=torch.float32).reshape(-1, 1, 8, 8), torch.tensor(y)


def token_task(n: int = 1024, length: int = 12, vocab: int = 32, classes: int = 4) -> tuple:
    """Token sequences whose class is the token after the first, modulo ``classes``:
    learning it needs attention to one position (position 0 is a [CLS]-like token 1)."""
    g = torch.Generator().manual_seed(1)
    x = torch.randint(2, vocab, (n, length), generator=g)
    x[:, 0] = 1
    return x, x[:, 1] % classes


def majority_task(n: int = 1024, length: int = 16) -> tuple:
    """Sequences of +1/-1 features whose class is the sign of their sum (an LSTM task)."""
    g = torch.Generator().manual_seed(2)
    x = torch.randint(0, 2, (n, length, 1), generator=g).float() * 2 - 1
    return x, (x.sum(dim=(1, 2)) > 0).long()


# --------------------------------------------------------------------------- models


class ResidualBlock(nn.Module):
    """conv-BN-ReLU-conv-BN plus the identity, then an in-place ReLU (He et al. 2016)."""

    def __init__(self, channels: int, norm: bool = True) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1, bias=not norm)
        self.bn1 = nn.BatchNorm2d(channels) if norm else nn.Identity()
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=not norm)
        self.bn2 = nn.BatchNorm2d(channels) if norm else nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.relu(self.bn1(self.conv1(x)))
        return self.relu(self.bn2(self.conv2(out)) + x)


def resnet(blocks: int = 2, channels: int = 16, norm: bool = True) -> nn.Module:
    """A small ResNet for 8x8 images; ``norm=False`` drops every BatchNorm."""
    stem = [nn.Conv2d(1, channels, 3, padding=1, bias=not norm)]
    stem += [nn.BatchNorm2d(channels)] if norm else []
    return nn.Sequential(
        *stem,
        nn.ReLU(inplace=True),
        *[ResidualBlock(channels, norm) for _ in range(blocks)],
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Linear(channels, 10),
    )


class SqueezeExcite(nn.Module):
    """Channel attention: pooled features -> ReLU bottleneck -> hard-sigmoid gates."""

    def __init__(self, channels: int, reduced: int) -> None:
        super().__init__()
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.reduce = nn.Conv2d(channels, reduced, 1)
        self.relu = nn.ReLU()
        self.expand = nn.Conv2d(reduced, channels, 1)
        self.gate = nn.Hardsigmoid()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * self.gate(self.expand(self.relu(self.reduce(self.pool(x)))))


class InvertedResidual(nn.Module):
    """MobileNetV2/V3's block: 1x1 expand, depthwise 3x3, squeeze-excite, 1x1 project."""

    def __init__(self, channels: int, expand: int = 4) -> None:
        super().__init__()
        wide = channels * expand
        self.expand = nn.Sequential(
            nn.Conv2d(channels, wide, 1, bias=False), nn.BatchNorm2d(wide), nn.ReLU6(inplace=True)
        )
        self.depthwise = nn.Sequential(
            nn.Conv2d(wide, wide, 3, padding=1, groups=wide, bias=False),
            nn.BatchNorm2d(wide),
            nn.ReLU6(inplace=True),
        )
        self.se = SqueezeExcite(wide, max(4, wide // 8))
        self.project = nn.Sequential(
            nn.Conv2d(wide, channels, 1, bias=False), nn.BatchNorm2d(channels)
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.project(self.se(self.depthwise(self.expand(x))))


def mobilenet(channels: int = 16, blocks: int = 2) -> nn.Module:
    """A small MobileNet for 8x8 images: ReLU6 after BatchNorm, depthwise convolutions
    and squeeze-excite bottlenecks."""
    return nn.Sequential(
        nn.Conv2d(1, channels, 3, padding=1, bias=False),
        nn.BatchNorm2d(channels),
        nn.ReLU6(inplace=True),
        *[InvertedResidual(channels) for _ in range(blocks)],
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Linear(channels, 10),
    )


class Encoder(nn.Module):
    """Token embedding plus learned positions, ``nn.TransformerEncoder``, mean pool."""

    def __init__(self, vocab: int = 32, length: int = 12, width: int = 32, layers: int = 2) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab, width)
        self.position = nn.Parameter(torch.randn(1, length, width) * 0.02)
        layer = nn.TransformerEncoderLayer(width, 4, 2 * width, dropout=0.0, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(width, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(self.embed(x) + self.position).mean(dim=1))


class Recurrent(nn.Module):
    """An LSTM over a sequence, classified from its last hidden state."""

    def __init__(self, width: int = 32) -> None:
        super().__init__()
        self.lstm = nn.LSTM(1, width, batch_first=True)
        self.head = nn.Linear(width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.lstm(x)
        return self.head(out[:, -1])


def tiny_bert(classes: int = 4) -> nn.Module:
    """transformers' BertForSequenceClassification built from a config (no download)."""
    from transformers import BertConfig, BertForSequenceClassification

    config = BertConfig(
        vocab_size=32,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=4,
        intermediate_size=64,
        max_position_embeddings=16,
        num_labels=classes,
        hidden_dropout_prob=0.0,
        attention_probs_dropout_prob=0.0,
    )
    return BertForSequenceClassification(config)


def mlp(widths: tuple = (64, 64, 10), act: Callable[[], nn.Module] = nn.ReLU) -> nn.Module:
    """Dense layers with ``act`` between them (none after the last)."""
    layers: list = []
    for i, (a, b) in enumerate(zip(widths[:-1], widths[1:])):
        layers += [nn.Linear(a, b)] + ([act()] if i < len(widths) - 2 else [])
    return nn.Sequential(nn.Flatten(), *layers)


def sigmoid_cnn(depth: int = 8, channels: int = 8) -> nn.Module:
    """A plain deep CNN with sigmoid activations: its gradient vanishes on the way back."""
    layers: list = [nn.Conv2d(1, channels, 3, padding=1), nn.Sigmoid()]
    for _ in range(depth - 1):
        layers += [nn.Conv2d(channels, channels, 3, padding=1), nn.Sigmoid()]
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(channels * 64, 10))


# --------------------------------------------------------------------------- training


def train(case: Case, logdir: Any, **watch_kw: Any):
    """Trains ``case`` under ``watch`` with probe data and the batch loss; returns the
    handle (removed) and the losses of every step."""
    model = case.model
    opt = case.optimizer(model.parameters())
    n = case.x.shape[0]
    probe = (case.x[:128], case.y[:128])
    handle = watch(model, logdir, every=case.every, probe_data=probe, **watch_kw)
    forward = case.forward or (lambda m, x: m(x))
    losses = []
    g = torch.Generator().manual_seed(0)
    order = torch.randperm(n, generator=g)
    model.train()
    for step in range(case.steps):
        start = (step * case.batch) % (n - case.batch + 1)
        idx = order[start : start + case.batch]
        opt.zero_grad()
        loss = nn.functional.cross_entropy(forward(model, case.x[idx]), case.y[idx])
        loss.backward()
        opt.step()
        handle.step(loss=loss.item())
        losses.append(loss.item())
    handle.remove()
    return handle, np.asarray(losses)


def bert_forward(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    return model(input_ids=x).logits


def he_init(model: nn.Module) -> nn.Module:
    """He-normal convolution weights: without normalisation, each residual block then
    doubles the variance of the residual stream (the reason NF-ResNets rescale it)."""
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
    return model


def negative_bias_mlp() -> nn.Module:
    """A ReLU MLP whose hidden biases start at -5: its units are off for every input."""
    model = mlp((64, 64, 64, 10))
    for m in model:
        if isinstance(m, nn.Linear) and m.out_features == 64:
            nn.init.constant_(m.bias, -5.0)
    return model


def _adam(lr: float) -> Callable[[Any], torch.optim.Optimizer]:
    return lambda params: torch.optim.Adam(params, lr=lr)


def _sgd(lr: float, momentum: float = 0.9) -> Callable[[Any], torch.optim.Optimizer]:
    return lambda params: torch.optim.SGD(params, lr=lr, momentum=momentum)


def healthy_cases() -> Dict[str, Callable[[], Case]]:
    """Architectures trained the way their authors train them: no alarm expected."""
    images, tokens, signs = digit_images(), token_task(), majority_task()
    return {
        "resnet": lambda: Case(resnet(), *images, _sgd(0.05), 100),
        "mobilenet": lambda: Case(mobilenet(), *images, _adam(3e-3), 100),
        "transformer": lambda: Case(Encoder(), *tokens, _adam(3e-3), 200),
        "lstm": lambda: Case(Recurrent(), *signs, _adam(1e-2), 100),
        "tiny_bert": lambda: Case(
            tiny_bert(), *tokens, lambda p: torch.optim.AdamW(p, lr=1e-3), 150, forward=bert_forward
        ),
        "converged_mlp": lambda: Case(mlp(), images[0][:256], images[1][:256], _adam(1e-2), 200),
    }


def broken_cases() -> Dict[str, Callable[[], Case]]:
    """Trainings that go wrong in a known way."""
    images, tokens = digit_images(), token_task()
    return {
        # Plain SGD at a learning rate two orders of magnitude too high.
        "diverging_transformer": lambda: Case(Encoder(), *tokens, _sgd(30.0, 0.0), 30),
        "dead_relu": lambda: Case(negative_bias_mlp(), *images, _sgd(0.05), 60),
        "deep_sigmoid_cnn": lambda: Case(sigmoid_cnn(), *images, _sgd(0.05), 60),
        "nf_resnet_high_lr": lambda: Case(
            he_init(resnet(blocks=10, norm=False)), *images, _sgd(0.5), 12, every=1
        ),
    }
