import asyncio


async def job() -> None:
    print("the job's body runs")


loop = asyncio.new_event_loop()
task = loop.create_task(job())
task.cancel()  # cancelled, but the loop never runs it to deliver that
loop.close()
print("loop closed; dropping the task")
del task  # destroyed while still pending
print("end of the program")
