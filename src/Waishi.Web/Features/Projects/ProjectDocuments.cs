using System.IO.Compression;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Projects;

/// <summary>Checks an uploaded project document by its bytes (never by its name or the browser's claim) and builds its row.</summary>
public static class ProjectDocuments
{
    public const string Field = "File";

    /// <summary>The content type by the file's first bytes; Office files are recognised by the parts inside.</summary>
    public static string? Sniff(byte[] bytes) => bytes switch
    {
        _ when Platform.Documents.FileUpload.SniffPdfOrImage(bytes) is { } type => type,
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] => "application/x-ole-storage",
        [0x50, 0x4B, 0x03, 0x04, ..] => OfficeOpenXml(bytes),
        _ => null,
    };

    /// <summary>The content type of a legacy Office file (one OLE container for all three) by its extension.</summary>
    private static string? LegacyOffice(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".doc" => "application/msword",
        ".xls" => "application/vnd.ms-excel",
        ".ppt" => "application/vnd.ms-powerpoint",
        _ => null,
    };

    private static string? OfficeOpenXml(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }
            return names.Contains("word/document.xml") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                : names.Contains("xl/workbook.xml") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : names.Contains("ppt/presentation.xml") ? "application/vnd.openxmlformats-officedocument.presentationml.presentation"
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>A new document row for the upload, or the error that says what is wrong with it.</summary>
    public static (ProjectDocument? Document, FieldError? Error) Build(Guid projectId, ProjectDocumentKind? kind, string? fileName, byte[] bytes, Guid userId, DateTime now)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (kind is not { } k || !Enum.IsDefined(k))
        {
            return (null, new("Kind", "Choose what the document is: contract, report or other."));
        }
        if (bytes.Length == 0)
        {
            return (null, new(Field, "Choose a file to upload; {0} is empty.", name.Length == 0 ? "the file" : name));
        }
        if (bytes.Length > ProjectDocument.MaxBytes)
        {
            return (null, new(Field, "The file is {0:0.0} MB; the limit is 20 MB.", bytes.Length / 1024.0 / 1024.0));
        }
        var type = Sniff(bytes);
        if (type == "application/x-ole-storage")
        {
            type = LegacyOffice(name);
        }
        if (type is null)
        {
            return (null, new(Field, "The document must be a PDF, a Word, Excel or PowerPoint file, or a JPEG or PNG image; {0} is none of these.", name));
        }
        if (name.Length == 0)
        {
            name = "document";
        }
        if (name.Length > 200)
        {
            name = name[^200..];
        }
        return (new ProjectDocument
        {
            ProjectId = projectId, Kind = k, FileName = name, ContentType = type, Size = bytes.Length, Content = bytes,
            UploadedUtc = now, UploadedByUserId = userId,
        }, null);
    }
}
