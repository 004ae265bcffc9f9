from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="-")

with request_id.set("req-7"):  # 3.14+: a Token is a context manager
    print("inside:", request_id.get())
print("after:", request_id.get())  # reset when the block ended
