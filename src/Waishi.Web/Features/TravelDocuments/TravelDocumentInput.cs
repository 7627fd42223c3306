using Waishi.Web.Features.People;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>What the create and edit forms and the API post for a document record.</summary>
public sealed class TravelDocumentInput
{
    public TravelDocumentType? Type { get; set; }
    public string? Number { get; set; }
    public Guid? HolderId { get; set; }
    public DateOnly? IssueDate { get; set; }
    public DateOnly? ExpiryDate { get; set; }
    public string? IssuedBy { get; set; }
    public string? Notes { get; set; }
    public long Version { get; set; }

    public static TravelDocumentInput From(TravelDocument d) => new()
    {
        Type = d.Type, Number = d.Number, HolderId = d.HolderId, IssueDate = d.IssueDate, ExpiryDate = d.ExpiryDate,
        IssuedBy = d.IssuedBy, Notes = d.Notes, Version = d.Version,
    };

    /// <summary>Copies the fields onto the record; numbers are kept in capitals without spaces.</summary>
    public void ApplyTo(TravelDocument d)
    {
        d.Type = Type ?? (TravelDocumentType)(-1);
        d.Number = (Number ?? "").Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        d.HolderId = HolderId ?? Guid.Empty;
        d.IssueDate = IssueDate ?? default;
        d.ExpiryDate = ExpiryDate ?? default;
        d.IssuedBy = TextFields.Optional(IssuedBy);
        d.Notes = TextFields.Optional(Notes);
    }
}
