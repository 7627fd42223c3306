using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;

namespace Waishi.Web.Features.Agreements;

/// <summary>The types an agreement document may have, told by its bytes.</summary>
public static class AgreementFileTypes
{
    public const string Pdf = FileUpload.Pdf;
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The type by the file's first bytes, whatever its name or the browser claims: a PDF, or
    /// (for drafts) a Word document, which is a zip archive named .docx.</summary>
    public static string? Sniff(byte[] bytes, string fileName) => bytes switch
    {
        [0x25, 0x50, 0x44, 0x46, ..] => Pdf,
        [0x50, 0x4B, 0x03, 0x04, ..] when fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) => Docx,
        _ => null,
    };
}

/// <summary>The files of an agreement: drafts (PDF or Word) and the signed agreement (PDF only).
/// The signed PDF of an agreement whose signing was recorded stays.</summary>
public sealed class AgreementDocuments(AppDbContext db, TimeProvider clock)
{
    public const string Field = "Document";

    public static bool SigningRecorded(Agreement a) =>
        a.State is AgreementState.Active or AgreementState.Expiring or AgreementState.Expired or AgreementState.Terminated or AgreementState.Renewed;

    public async Task<(AgreementDocument?, List<FieldError>)> UploadAsync(Agreement agreement, AgreementDocumentKind kind, FileUpload? upload,
        Guid userId, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(kind))
        {
            errors.Add(new("Kind", "Choose what the document is: a draft, the signed agreement or another document."));
        }
        if (upload is null || upload.Size == 0)
        {
            errors.Add(new(Field, "Choose a file to upload; an empty file cannot be stored."));
            return (null, errors);
        }
        if (upload.Size > AgreementDocument.MaxBytes)
        {
            errors.Add(new(Field, "The file is {0:0.0} MB; the limit is 20 MB.", upload.Size / 1024.0 / 1024.0));
            return (null, errors);
        }
        if (kind == AgreementDocumentKind.Signed && SigningRecorded(agreement))
        {
            errors.Add(new("Kind", "The signing of this agreement was recorded with its signed PDF; upload other files as drafts or other documents."));
        }
        var bytes = await upload.ReadAsync(ct);
        if (bytes.Length > AgreementDocument.MaxBytes)
        {
            errors.Add(new(Field, "The file is {0:0.0} MB; the limit is 20 MB.", bytes.Length / 1024.0 / 1024.0));
            return (null, errors);
        }
        var type = AgreementFileTypes.Sniff(bytes, upload.FileName);
        if (type is null || (kind == AgreementDocumentKind.Signed && type != AgreementFileTypes.Pdf))
        {
            errors.Add(new(Field, kind == AgreementDocumentKind.Signed
                ? "The signed agreement must be a PDF file; {0} is not one."
                : "Upload a PDF or a Word (.docx) file; {0} is neither.", upload.FileName));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var name = upload.FileName.Length > 200 ? upload.FileName[^200..] : upload.FileName;
        var document = new AgreementDocument
        {
            TenantId = agreement.TenantId, AgreementId = agreement.Id, Kind = kind,
            FileName = string.IsNullOrWhiteSpace(name) ? (type == AgreementFileTypes.Pdf ? "agreement.pdf" : "agreement.docx") : name,
            ContentType = type!, Size = bytes.Length, Content = bytes, UploadedUtc = clock.GetUtcNow().UtcDateTime, UploadedByUserId = userId,
        };
        db.Add(document);
        return (document, errors);
    }

    /// <summary>Why the document cannot be deleted, or null.</summary>
    public static string? DeleteRefusal(Agreement agreement, AgreementDocument document) =>
        document.Kind == AgreementDocumentKind.Signed && SigningRecorded(agreement)
            ? "The signed PDF of an agreement whose signing was recorded cannot be deleted."
            : null;

    /// <summary>The documents without their bytes, newest first.</summary>
    public Task<List<AgreementDocument>> ListAsync(Guid agreementId, CancellationToken ct) =>
        db.Set<AgreementDocument>().AsNoTracking().Where(d => d.AgreementId == agreementId)
            .OrderByDescending(d => d.UploadedUtc)
            .Select(d => new AgreementDocument
            {
                Id = d.Id, TenantId = d.TenantId, Version = d.Version, AgreementId = d.AgreementId, Kind = d.Kind, FileName = d.FileName,
                ContentType = d.ContentType, Size = d.Size, UploadedUtc = d.UploadedUtc, UploadedByUserId = d.UploadedByUserId,
            }).ToListAsync(ct);

    public static IResult Download(AgreementDocument d) =>
        TypedResults.File(d.Content, d.ContentType, d.FileName);
}
