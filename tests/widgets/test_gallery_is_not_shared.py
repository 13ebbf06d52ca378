from widgets.gallery import gallery


def test_changing_a_gallery_file_object_does_not_change_the_gallery():
    weather = gallery()["weather"]
    weather.template = weather.template.replace('"size": "sm"', '"size": "md"', 1)
    fresh = gallery()["weather"]
    assert fresh.render(fresh.sample()) == fresh.output_json_preview
