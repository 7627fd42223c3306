using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Ror;

public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public RorApi.RorDto Org { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var rorId = RorRecord.ParseId(id);
        var row = rorId is null ? null : await db.Set<RorOrganisation>().AsNoTracking().SingleOrDefaultAsync(r => r.RorId == rorId, HttpContext.RequestAborted);
        if (row is null)
        {
            return NotFound();
        }
        Org = RorApi.ToDto(row);
        return Page();
    }
}
