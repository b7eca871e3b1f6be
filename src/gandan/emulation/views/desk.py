def desk_panel(user, today):
    return {}
