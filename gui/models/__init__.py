"""Qt item-model adapters over the core: panels read the Document's record, edits become commands."""

from .articles_model import ArticlesModel
from .claims_model import ClaimsModel
from .dates_model import DatesModel
from .filter_proxy import ItemFilterProxy
from .item_model import ItemTableModel
from .quotes_model import QuotesModel
from .roles import IdRole, ItemRole, SortRole, StatusRole
from .speakers_model import SpeakersModel

__all__ = [
    "ArticlesModel", "ClaimsModel", "DatesModel", "IdRole", "ItemFilterProxy", "ItemRole", "ItemTableModel",
    "QuotesModel", "SortRole", "SpeakersModel", "StatusRole",
]
