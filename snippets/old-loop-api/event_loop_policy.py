import asyncio


class PolicyLoop(asyncio.SelectorEventLoop):
    """A loop of our own kind, made by the policy below."""


class FactoryLoop(asyncio.SelectorEventLoop):
    """Another one, made by a loop factory."""


class Policy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self) -> asyncio.AbstractEventLoop:
        return PolicyLoop()


async def loop_class() -> str:
    return type(asyncio.get_running_loop()).__name__


# The old way to choose the kind of loop: a policy, set for the whole process.
asyncio.set_event_loop_policy(Policy())
print("asyncio.run made a", asyncio.run(loop_class()))

# The new way: say which loop to make, where it is made.
with asyncio.Runner(loop_factory=FactoryLoop) as runner:
    print("the Runner made a", runner.run(loop_class()))
