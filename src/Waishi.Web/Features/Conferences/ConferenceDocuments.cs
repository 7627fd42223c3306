using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;

namespace Waishi.Web.Features.Conferences;

/// <summary>Checks an uploaded attachment by its bytes and builds its row.</summary>
public static class ConferenceDocuments
{
    public const string Field = "File";

    public static async Task<(ConferenceDocument? Document, FieldError? Error)> BuildAsync(Guid conferenceId, ConferenceDocumentKind? kind, FileUpload? file,
        Guid userId, DateTime now, CancellationToken ct)
    {
        if (kind is not { } k || !Enum.IsDefined(k))
        {
            return (null, new("Kind", "Choose what the attachment is: agenda, participant list, budget or other."));
        }
        if (file is null)
        {
            return (null, new(Field, "Choose a file to upload."));
        }
        if (file.Size > ConferenceDocument.MaxBytes)
        {
            return (null, new(Field, "The file is {0:0.0} MB; the limit is 20 MB.", file.Size / 1024.0 / 1024.0));
        }
        var bytes = await file.ReadAsync(ct);
        var name = Path.GetFileName(file.FileName ?? "").Trim();
        if (bytes.Length == 0)
        {
            return (null, new(Field, "Choose a file to upload; {0} is empty.", name.Length == 0 ? "the file" : name));
        }
        var type = Projects.ProjectDocuments.Sniff(bytes);
        if (type is null or "application/x-ole-storage")
        {
            return (null, new(Field, "The attachment must be a PDF, a Word or Excel file, or a JPEG or PNG image; {0} is none of these.", name));
        }
        if (name.Length == 0)
        {
            name = "attachment";
        }
        if (name.Length > 200)
        {
            name = name[^200..];
        }
        return (new ConferenceDocument
        {
            ConferenceId = conferenceId, Kind = k, FileName = name, ContentType = type, Size = bytes.Length, Content = bytes,
            UploadedUtc = now, UploadedByUserId = userId,
        }, null);
    }
}
