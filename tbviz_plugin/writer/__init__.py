"""Event-file writing: records (bytes), wire (protobuf encoding), event_file (thread), Writer."""

from tbviz_plugin.writer.event_file import WriterClosedError, WriterIOError
from tbviz_plugin.writer.writer import Writer

__all__ = ["Writer", "WriterClosedError", "WriterIOError"]
