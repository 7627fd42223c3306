using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;

namespace Waishi.Web.Features.Public;

/// <summary>
/// /Public/Verify: anyone checks the verification code printed on a document (typed, or from its QR
/// code as ?code=). The answer shows only what the document itself prints about its identity: kind,
/// number, issuer, names, dates, and whether it is still valid.
/// </summary>
public sealed class VerifyModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    /// <summary>Set when a code was given: the document, or null when there is none with that code.</summary>
    public IssuedDocument? Document { get; private set; }

    public bool Checked { get; private set; }
    public bool Malformed { get; private set; }

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return;
        }
        Checked = true;
        var code = VerificationCode.Normalize(Code);
        Malformed = code is null;
        Document = code is null ? null : await DocumentRegister.FindAsync(db, code, HttpContext.RequestAborted);
    }
}
