import inspect


async def greet(name: str) -> str:
    return f"hello, {name}"


def shout(name: str) -> str:
    return f"HELLO, {name.upper()}"


print(inspect.iscoroutinefunction(greet))
print(inspect.iscoroutinefunction(shout))
