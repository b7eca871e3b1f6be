def test_teachers_see_only_the_tabs_they_may_open(client, school, teacher, principal, clerk):
    client.force_login(teacher)
    body = client.get("/don-thu/").content.decode()
    assert 'href="/don-thu/tiep-nhan/"' not in body
    assert 'href="/don-thu/so-tiep-cong-dan/"' not in body
    assert 'href="/don-thu/tong-hop/"' not in body
    client.force_login(clerk)
    body = client.get("/don-thu/").content.decode()
    assert 'href="/don-thu/tiep-nhan/"' in body and 'href="/don-thu/tong-hop/"' not in body
    client.force_login(principal)
    body = client.get("/don-thu/").content.decode()
    assert 'href="/don-thu/tiep-nhan/"' in body and 'href="/don-thu/tong-hop/"' in body
