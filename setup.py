"""tbviz: weight surfaces, activation maps, gradient flow and health in TensorBoard."""

from setuptools import find_packages, setup

CORE = [
    "tensorboard>=2.16",
    "numpy>=1.24",
    "protobuf>=3.20",
    "crc32c>=2.4",
    "fsspec>=2023.1",
    "pillow>=9",
]
TF = ["tensorflow-cpu==2.21.0"]
TORCH = ["torch==2.13.0"]
LIGHTNING = TORCH + ["lightning==2.6.6"]
# Hugging Face's Trainer needs accelerate.
TRANSFORMERS = TORCH + ["transformers==5.25.0", "accelerate==1.16.0"]
JAX = ["jax==0.10.2", "jaxlib==0.10.2", "flax==0.12.8", "optax==0.2.8"]  # CPU jaxlib
# `tbviz demo` trains Keras and PyTorch models on scikit-learn's digits.
DEMO = TF + TORCH + ["scikit-learn==1.9.1"]
TEST = TF + LIGHTNING + TRANSFORMERS + JAX + [
    "tensorboardX==2.6.5",
    "pytest==9.2.0",
    "pytest-timeout==2.4.0",
    "hypothesis==6.170.15",
    "playwright==1.65.2",
    "scikit-learn==1.9.1",
    "psutil==7.2.2",
    "pillow==13.0.0",
    # remote logdirs: an S3 server on loopback, the writer's fsspec back end, TensorBoard's reader
    "moto[server]==5.2.5",
    "s3fs==2026.9.0",
    "boto3==1.43.117",
]
DEV = TEST + ["ruff==0.17.6"]

setup(
    name="tbviz_plugin",
    version="0.1.0",
    description=(
        "See inside neural-network training in TensorBoard: weight surfaces, "
        "activation maps, gradient flow and automatic health diagnosis."
    ),
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    python_requires=">=3.9",
    packages=find_packages(include=["tbviz_plugin", "tbviz_plugin.*"]),
    package_data={"tbviz_plugin": ["static/*"]},
    install_requires=CORE,
    extras_require={
        "tf": TF,
        "torch": TORCH,
        "lightning": LIGHTNING,
        "transformers": TRANSFORMERS,
        "jax": JAX,
        "demo": DEMO,
        "test": TEST,
        "dev": DEV,
    },
    entry_points={
        "tensorboard_plugins": ["tbviz = tbviz_plugin.plugin:TbvizLoader"],
        "console_scripts": ["tbviz = tbviz_plugin.cli:main"],
    },
    license="Apache-2.0",
)
