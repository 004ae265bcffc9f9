async def greet(name: str) -> str:
    print("the body runs")
    return f"hello, {name}"


result = greet("Ada")
print(type(result))
print(result.__qualname__)
result.close()  # we never run it; closing it says so on purpose
