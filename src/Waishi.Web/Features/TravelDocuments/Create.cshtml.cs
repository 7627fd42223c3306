using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.TravelDocuments;

public sealed class CreateModel(AppDbContext db, Custody custody, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : TravelDocumentFormPage(db, custody, clock, t)
{
    public async Task OnGetAsync(Guid? holder)
    {
        Form.HolderId = holder;
        await LoadChoicesAsync(HttpContext.RequestAborted);
    }

    public Task<IActionResult> OnPostAsync() => CreateAsync();
}
