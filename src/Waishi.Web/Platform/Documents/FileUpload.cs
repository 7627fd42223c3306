namespace Waishi.Web.Platform.Documents;

/// <summary>An uploaded file before it is stored: its name, its size, and how to read its bytes.</summary>
public sealed record FileUpload(string FileName, long Size, Func<CancellationToken, Task<byte[]>> ReadAsync)
{
    public const string Pdf = "application/pdf";

    public static FileUpload From(IFormFile file) => new(Path.GetFileName(file.FileName), file.Length, async ct =>
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    });

    /// <summary>A PDF, JPEG or PNG by the file's first bytes, whatever its name or the browser claims.</summary>
    public static string? SniffPdfOrImage(byte[] bytes) => bytes switch
    {
        [0x25, 0x50, 0x44, 0x46, ..] => Pdf,
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        _ => null,
    };
}
