namespace Waishi.Web.Platform.Data;

/// <summary>
/// One reason why a record cannot be saved: the field (property name of the entity) and a message
/// in English that is also the key of its translation. Pages, the API and imports all report these.
/// </summary>
public sealed record FieldError(string Field, string Message, params object[] Arguments);
