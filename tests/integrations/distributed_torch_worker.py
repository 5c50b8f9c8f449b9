"""One worker of a 2-process DDP run (gloo, loopback), or the single-process reference.

    python distributed_torch_worker.py single LOGDIR
    python distributed_torch_worker.py RANK LOGDIR MODE PORT   # RANK 0 or 1, world size 2

Both train the same MLP on the same 4 global batches of 64 digits; a DDP
worker takes its half of each batch, DDP averages the gradients.
"""

import os
import sys

import torch
from sklearn.datasets import load_digits

from tbviz_plugin.integrations.torch import watch

GLOBAL_BATCH, STEPS, WORLD = 64, 4, 2


def main(argv):
    role, logdir = argv[0], argv[1]
    x, y = load_digits(return_X_y=True)
    x = torch.tensor(x[: GLOBAL_BATCH * STEPS] / 16.0, dtype=torch.float32)
    y = torch.tensor(y[: GLOBAL_BATCH * STEPS])
    torch.manual_seed(0)
    model = torch.nn.Sequential(
        torch.nn.Linear(64, 32),
        torch.nn.ReLU(),
        torch.nn.Linear(32, 16),
        torch.nn.Tanh(),
        torch.nn.Linear(16, 10),
    )
    if role == "single":
        rank, net, kwargs = None, model, {}
    else:
        rank, mode, port = int(role), argv[2], argv[3]
        torch.distributed.init_process_group(
            "gloo", init_method=f"tcp://127.0.0.1:{port}", rank=rank, world_size=WORLD
        )
        net = torch.nn.parallel.DistributedDataParallel(model)
        kwargs = {"distributed": mode}
    opt = torch.optim.SGD(net.parameters(), lr=0.5)
    # As users write it: the DDP wrapper itself, no optimizer= (its steps are found).
    handle = watch(net, logdir, every=1, name="mlp", **kwargs)
    for step in range(STEPS):
        xb = x[step * GLOBAL_BATCH : (step + 1) * GLOBAL_BATCH]
        yb = y[step * GLOBAL_BATCH : (step + 1) * GLOBAL_BATCH]
        if rank is not None:
            half = GLOBAL_BATCH // WORLD
            xb, yb = xb[rank * half : (rank + 1) * half], yb[rank * half : (rank + 1) * half]
        opt.zero_grad()
        torch.nn.functional.cross_entropy(net(xb), yb).backward()
        opt.step()
    handle.remove()
    if rank is not None:
        torch.distributed.destroy_process_group()


if __name__ == "__main__":
    main(sys.argv[1:])
    # torch's gloo process group can abort the interpreter's teardown ("terminate
    # called without an active exception", a plain DDP script without tbviz too);
    # everything this test reads is written and closed by now.
    sys.stdout.flush()
    os._exit(0)
