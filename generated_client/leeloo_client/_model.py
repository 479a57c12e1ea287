"""`Model`, the base class of every generated model (`leeloo_client.models.*`).

An optional field absent from an answer reads None, as in the Stainless-made SDKs; whether it
was absent or `null` is kept in `model_fields_set` (the names of the fields the data carried,
like pydantic's), and `to_dict()` writes back exactly those fields, plus any set since.
"""

from attrs import define, field, fields


@define
class Model:
    """What every model shares: the record of the fields its data carried."""

    # Python names of the fields `from_dict` found in the data (a `null` counts, an absent key
    # does not); empty for a model built in code.
    _fields_set: set[str] = field(init=False, factory=set, repr=False, eq=False)

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The fields this model carries: those its data held (even as `null`) and those set to a value.

        `to_dict()` writes exactly these; a field outside it reads None and is not written.
        """
        holding = {
            attribute.name
            for attribute in fields(type(self))
            if attribute.init and getattr(self, attribute.name) is not None
        }
        return frozenset(self._fields_set | holding)


__all__ = ["Model"]
