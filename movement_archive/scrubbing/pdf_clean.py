"""What a PDF carries besides its pages' content, found and cut out of the objects pypdf has read.

The cleaning happens in the reader's objects, before any page is copied into the new document, so that what
is cut is never copied at all: pypdf writes every object it has copied, referenced or not.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from pypdf import PageObject, PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
    StreamObject,
)

from . import jpeg2000_boxes, jpeg_markers

DOCUMENT_INFORMATION = "PDF document information (author, creator…)"
XMP = "XMP metadata"
JAVASCRIPT = "PDF JavaScript"
AUTOMATIC_ACTIONS = "automatic actions (on opening the file, on showing a page…)"
OUTSIDE_ACTIONS = "actions and links that open other files or programs or send data"
EMBEDDED_FILES = "embedded files"
ANNOTATIONS = "comments and other annotations (which can name their author)"
FORMS = "form fields"
BOOKMARKS = "bookmarks"
STRUCTURE = "accessibility tags"
LAYERS = "layer settings (layers that were hidden now show)"
PRIVATE_DATA = "data private to the application that made the file"
THUMBNAILS = "page thumbnails"
ALTERNATE_IMAGES = "alternate versions of images"
IMAGE_METADATA = "EXIF and other metadata in the document's images"
EARLIER_VERSIONS = "earlier saved versions of the document"

# The order in which ``removed`` lists them: what matters most to a contributor's safety first.
LABELS = (
    DOCUMENT_INFORMATION,
    XMP,
    IMAGE_METADATA,
    EARLIER_VERSIONS,
    JAVASCRIPT,
    AUTOMATIC_ACTIONS,
    OUTSIDE_ACTIONS,
    EMBEDDED_FILES,
    ANNOTATIONS,
    FORMS,
    PRIVATE_DATA,
    THUMBNAILS,
    ALTERNATE_IMAGES,
    BOOKMARKS,
    STRUCTURE,
    LAYERS,
)

# Catalog entries the new document does not get, because it is built from the pages alone, each with the
# entry that shows it holds something: libraries often write an empty outline or form, which is no loss.
_CATALOG = {
    "/Metadata": (XMP, None),
    "/AcroForm": (FORMS, "/Fields"),
    "/Outlines": (BOOKMARKS, "/First"),
    "/StructTreeRoot": (STRUCTURE, "/K"),
    "/OCProperties": (LAYERS, "/OCGs"),
    "/PieceInfo": (PRIVATE_DATA, None),
}
# Keys cut from every dictionary reached from a page. /OPI and /Ref name other files by their paths, which
# often hold a user name; /CreatorInfo names the program that made a layer; /JS, /EF and /AF hold a script or a
# file, should one sit somewhere no viewer would look. None means cut without a word: /StructParent and
# /StructParents point into a structure tree that is not kept.
_CUT_EVERYWHERE: dict[str, str | None] = {
    "/Metadata": XMP,
    "/PieceInfo": PRIVATE_DATA,
    "/LastModified": PRIVATE_DATA,
    "/OPI": PRIVATE_DATA,
    "/CreatorInfo": PRIVATE_DATA,
    "/Ref": OUTSIDE_ACTIONS,
    "/AA": AUTOMATIC_ACTIONS,
    "/JS": JAVASCRIPT,
    "/EF": EMBEDDED_FILES,
    "/AF": EMBEDDED_FILES,
    "/Thumb": THUMBNAILS,
    "/Alternates": ALTERNATE_IMAGES,
    "/StructParent": None,
    "/StructParents": None,
}
# What a page keeps: what draws it and the links on it. Everything else (/Tabs, /B, /VP, /SeparationInfo,
# /Trans, /ID…) goes, so that keys nobody thought of go too.
_PAGE_KEYS = frozenset(
    {"/Type", "/Resources", "/Contents", "/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox"}
    | {"/Rotate", "/UserUnit", "/Group", "/Annots"}
)
# The kinds of resource there are; a resource dictionary keeps no other key.
_RESOURCE_KEYS = frozenset(
    {"/ExtGState", "/ColorSpace", "/Pattern", "/Shading", "/XObject", "/Font", "/ProcSet", "/Properties"}
)
# What an image or a form XObject keeps, so that unknown keys go there too. Left out besides the keys cut
# everywhere: /F and its companions, which fetch the stream's data from another file by its path, and /Measure
# and /PtData, which can hold map coordinates.
_STREAM_KEYS = frozenset({"/Length", "/Filter", "/DecodeParms", "/DL"})
_XOBJECT_KEYS = {
    "/Image": _STREAM_KEYS
    | {"/Type", "/Subtype", "/Width", "/Height", "/ColorSpace", "/BitsPerComponent", "/Intent", "/ImageMask"}
    | {"/Mask", "/Decode", "/Interpolate", "/SMask", "/SMaskInData", "/Matte", "/Name", "/OC"},
    "/Form": _STREAM_KEYS
    | {"/Type", "/Subtype", "/FormType", "/BBox", "/Matrix", "/Resources", "/Group"}
    | {"/Name", "/OC"},
}
_LINK_KEYS = frozenset({"/Type", "/Subtype", "/Rect", "/Border", "/BS", "/C", "/H", "/QuadPoints", "/F", "/Dest", "/A"})
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_OUTSIDE = frozenset({"/Launch", "/GoToR", "/GoToE", "/ImportData", "/SubmitForm"})
# Every filter the PDF standard defines, with the short names inline images use.
_FILTERS = frozenset(
    {"/ASCIIHexDecode", "/AHx", "/ASCII85Decode", "/A85", "/LZWDecode", "/LZW", "/FlateDecode", "/Fl"}
    | {"/RunLengthDecode", "/RL", "/CCITTFaxDecode", "/CCF", "/JBIG2Decode", "/DCTDecode", "/DCT", "/JPXDecode"}
    | {"/Crypt", "/BrotliDecode"}
)
_ANNOTATION_LABELS = {"/Widget": FORMS, "/FileAttachment": EMBEDDED_FILES}


def document_findings(reader: PdfReader, data: bytes) -> set[str]:
    """What the document as a whole carries that a copy of its pages leaves behind."""
    found = set()
    if reader.metadata:
        found.add(DOCUMENT_INFORMATION)
    if _has_earlier_versions(data):
        found.add(EARLIER_VERSIONS)
    root = _resolved(reader.trailer.get("/Root"))
    if not isinstance(root, DictionaryObject):
        return found
    for key, (label, sign_of_content) in _CATALOG.items():
        entry = _resolved(root.get(key))
        if entry is not None and (sign_of_content is None or _has_entry(entry, sign_of_content)):
            found.add(label)
    # Most open actions only say where to open ("page 1, fit to the window"), which is not worth reporting.
    open_action = _resolved(root.get("/OpenAction"))
    if isinstance(open_action, DictionaryObject) and open_action.get("/S") != "/GoTo":
        found |= {AUTOMATIC_ACTIONS} | _action_labels(open_action)
    found |= _additional_action_labels(root.get("/AA"))
    names = _resolved(root.get("/Names"))
    if isinstance(names, DictionaryObject):
        found |= {JAVASCRIPT} if "/JavaScript" in names else set()
        found |= {EMBEDDED_FILES} if "/EmbeddedFiles" in names else set()
    return found


def _has_entry(entry: PdfObject, key: str) -> bool:
    """Whether ``entry`` has a non-empty ``key``."""
    value = _resolved(entry.get(key)) if isinstance(entry, DictionaryObject) else None
    return bool(value) if isinstance(value, ArrayObject) else value is not None


def _has_earlier_versions(data: bytes) -> bool:
    """Whether the file was saved incrementally, keeping what came before (deleted text, old metadata) behind
    its latest version.

    Told by counting cross-reference sections, which pypdf does not report; a linearized ("fast web view") file
    has one more from the start. An estimate for the report only: the rebuilt file never holds earlier versions.
    """
    sections = data.count(b"startxref")
    if b"/Linearized" in data[:1024]:
        sections -= 1
    return sections > 1


def named_destinations(reader: PdfReader) -> dict[str, ArrayObject]:
    """The document's named destinations, each as the explicit page and position it stands for."""
    try:
        return {name: destination.dest_array for name, destination in reader.named_destinations.items()}
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        # Links by name then lead nowhere: a loss of convenience, not of safety.
        return {}


def clean_pages(pages: Iterable[PageObject], destinations: Mapping[str, ArrayObject]) -> set[str]:
    """Cut everything but drawing instructions and plain links from the pages and what they reach.

    Mutates the reader's objects in place and returns the labels of what was cut. Links to a named destination
    (``destinations``, from ``named_destinations``) are pointed at the page itself, because the names tree stays
    behind with the rest of the catalog; LaTeX writes every table of contents that way.
    """
    pages = list(pages)
    removed = set()
    for page in pages:
        _refuse_damaged_contents(page)
        for key in [key for key in page if key not in _PAGE_KEYS]:
            removed |= _cut(page, key)
    for dictionary in _dictionaries(pages):
        for key in [key for key in dictionary if key in _CUT_EVERYWHERE]:
            removed |= _cut(dictionary, key)
        # Trimmed even when damage has left the stream a bare dictionary, since its keys get copied all the same.
        if dictionary.get("/Subtype") in _XOBJECT_KEYS:
            _trim(dictionary, _XOBJECT_KEYS[str(dictionary["/Subtype"])])
        if isinstance(resources := _resolved(dictionary.get("/Resources")), DictionaryObject):
            _trim(resources, _RESOURCE_KEYS)
        if "/XObject" in dictionary:
            _keep_drawable_xobjects(dictionary)
        if "/Annots" in dictionary:
            removed |= _keep_plain_links(dictionary, destinations)
        if isinstance(dictionary, StreamObject) and dictionary.get("/Subtype") == "/Image":
            removed |= _clean_image(dictionary)
    return removed


def _refuse_damaged_contents(page: DictionaryObject) -> None:
    """Refuse a page whose content is not made of streams.

    In a damaged file the reference can lead to any object, the names of embedded files for one, and whatever it
    leads to would be copied as the page's content.
    """
    contents = _resolved(page.get("/Contents"))
    parts = [_resolved(part) for part in contents] if isinstance(contents, ArrayObject) else [contents]
    if contents is not None and not all(isinstance(part, StreamObject) for part in parts):
        raise ValueError("the content of a page is damaged")


def _keep_drawable_xobjects(resources: DictionaryObject) -> None:
    """Drop the entries of a resource dictionary's /XObject that are not images or forms.

    Nothing else can be drawn, and damage can leave any object there to be copied along.
    """
    xobjects = _resolved(resources["/XObject"])
    if not isinstance(xobjects, DictionaryObject):
        del resources["/XObject"]
        return
    for name in list(xobjects):
        xobject = _resolved(xobjects[name])
        if not isinstance(xobject, StreamObject) or xobject.get("/Subtype") not in _XOBJECT_KEYS:
            del xobjects[name]


def _cut(dictionary: DictionaryObject, key: str) -> set[str]:
    """Delete ``key`` and return the labels of what it held."""
    found = _additional_action_labels(dictionary[key]) if key == "/AA" else set()
    label = _CUT_EVERYWHERE.get(key)
    del dictionary[key]
    return found | ({label} if label else set())


def _dictionaries(starts: Iterable[PdfObject]) -> Iterator[DictionaryObject]:
    """Every dictionary and stream reachable from ``starts``, each once.

    A dictionary's values are looked at only after the caller has had it, so whatever the caller cuts is not
    visited. Page trees are not climbed back up through /Parent. Iterative, because a hostile file can nest
    arrays deeper than Python's recursion limit.
    """
    # pypdf caches what it resolves, so the same indirect object is the same Python object every time. The
    # objects are held here as well as their ids, so that an id cannot be reused by a new object once the caller
    # has cut the one it belonged to.
    seen: dict[int, PdfObject] = {}
    stack = list(starts)
    while stack:
        item = _resolved(stack.pop())
        if not isinstance(item, (DictionaryObject, ArrayObject)) or id(item) in seen:
            continue
        seen[id(item)] = item
        if isinstance(item, DictionaryObject):
            yield item
            stack.extend(value for key, value in item.items() if key != "/Parent")
        else:
            stack.extend(item)


def _keep_plain_links(page: DictionaryObject, destinations: Mapping[str, ArrayObject]) -> set[str]:
    """Drop every annotation but links to a page or a web address, and trim those to what draws them."""
    annotations = _resolved(page["/Annots"])
    removed = set()
    kept = ArrayObject()
    for reference in annotations if isinstance(annotations, ArrayObject) else ():
        annotation = _resolved(reference)
        if not isinstance(annotation, DictionaryObject):
            continue
        action = _resolved(annotation.get("/A"))
        if annotation.get("/Subtype") == "/Link" and _is_plain(action) and _is_destination(annotation.get("/Dest", "")):
            _trim(annotation, _LINK_KEYS)
            _make_explicit(annotation, "/Dest", destinations)
            if isinstance(action, DictionaryObject):
                _trim(action, {"/Type", "/S", "/D", "/URI"})
                _make_explicit(action, "/D", destinations)
            kept.append(reference)
            continue
        removed.add(_ANNOTATION_LABELS.get(str(annotation.get("/Subtype")), ANNOTATIONS))
        removed |= _action_labels(action) | _additional_action_labels(annotation.get("/AA"))
    if kept:
        page[NameObject("/Annots")] = kept
    else:
        del page["/Annots"]
    return removed


def _make_explicit(dictionary: DictionaryObject, key: str, destinations: Mapping[str, ArrayObject]) -> None:
    target = _resolved(dictionary.get(key))
    if isinstance(target, str) and target in destinations:
        dictionary[NameObject(key)] = destinations[target]


def _is_plain(action: PdfObject | None) -> bool:
    if action is None:
        return True
    if not isinstance(action, DictionaryObject):
        return False
    if action.get("/S") == "/GoTo":
        return "/D" in action and _is_destination(action["/D"])
    if action.get("/S") == "/URI":
        return str(_resolved(action.get("/URI", ""))).strip().lower().startswith(_SAFE_SCHEMES)
    return False


def _is_destination(target: PdfObject | None) -> bool:
    """Whether ``target`` is a name or a page with a position, as a destination must be.

    Damage can leave anything there, a whole annotation with its actions included, and all of it would be copied.
    """
    target = _resolved(target)
    if isinstance(target, (str, bytes)):
        return True
    if not isinstance(target, ArrayObject) or not target:
        return False
    page = _resolved(target[0])
    return (isinstance(page, DictionaryObject) and page.get("/Type") == "/Page") and all(
        isinstance(item, (NameObject, NumberObject, FloatObject, NullObject)) for item in target[1:]
    )


def _action_labels(action: PdfObject | None) -> set[str]:
    if not isinstance(action, DictionaryObject):
        return set()
    if action.get("/S") == "/JavaScript" or "/JS" in action:
        return {JAVASCRIPT}
    if action.get("/S") in _OUTSIDE or (action.get("/S") == "/URI" and not _is_plain(action)):
        return {OUTSIDE_ACTIONS}
    return set()


def _additional_action_labels(triggers: PdfObject | None) -> set[str]:
    """Labels for an /AA dictionary: actions run on events such as opening a page or closing the document."""
    triggers = _resolved(triggers)
    if not isinstance(triggers, DictionaryObject) or not triggers:
        return set()
    return {AUTOMATIC_ACTIONS}.union(*(_action_labels(_resolved(action)) for action in triggers.values()))


def _clean_image(stream: StreamObject) -> set[str]:
    """Cut the metadata out of a JPEG or JPEG 2000 image, leaving its compressed pixels as they are."""
    filters = _resolved(stream.get("/Filter"))
    if filters is None:
        return set()
    names = [str(_resolved(name)) for name in filters] if isinstance(filters, ArrayObject) else [str(filters)]
    if not names:
        return set()
    if unknown := set(names) - _FILTERS:
        # No reader can draw such an image, and there is no telling what its bytes hold.
        raise ValueError(f"an image in the document uses a compression no PDF reader knows ({', '.join(unknown)})")
    if names[-1] in ("/DCTDecode", "/DCT"):
        strip = jpeg_markers.strip_metadata
    elif names[-1] == "/JPXDecode":
        strip = jpeg2000_boxes.strip_metadata
    else:
        return set()
    # pypdf undoes every filter but the image's own, whose data it hands over untouched.
    cleaned, cut = strip(stream.get_data())
    if not cut and len(names) == 1:
        return set()
    parameters = _resolved(stream.get("/DecodeParms"))
    if isinstance(parameters, ArrayObject):
        parameters = _resolved(parameters[-1]) if parameters else None
    # The base class sets the bytes as given; pypdf's own override refuses any filter but Flate.
    StreamObject.set_data(stream, cleaned)
    stream.decoded_self = None
    stream[NameObject("/Filter")] = NameObject(names[-1])
    if isinstance(parameters, DictionaryObject):
        stream[NameObject("/DecodeParms")] = parameters
    elif "/DecodeParms" in stream:
        del stream["/DecodeParms"]
    return {IMAGE_METADATA} if cut else set()


def _trim(dictionary: DictionaryObject, keep: Iterable[str]) -> None:
    for key in [key for key in dictionary if key not in keep]:
        del dictionary[key]


def _resolved(item: PdfObject | None) -> PdfObject | None:
    """The object an indirect reference points to; None for a reference that leads nowhere."""
    if not isinstance(item, IndirectObject):
        return item
    try:
        return item.get_object()
    except (PyPdfError, OSError, ValueError):
        # An object that cannot be read cannot be copied either, so there is nothing in it to clean.
        return None
