await def wake_up_later() -> None:
    print("awake")
