from __future__ import annotations

import pytest
from apitools import ApiClient


@pytest.fixture
def api(client):
    return ApiClient(client)
