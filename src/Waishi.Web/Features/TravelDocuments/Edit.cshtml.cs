using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.TravelDocuments;

public sealed class EditModel(AppDbContext db, Custody custody, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : TravelDocumentFormPage(db, custody, clock, t)
{
    public Task<IActionResult> OnGetAsync(Guid id) => ShowEditAsync(id);

    public Task<IActionResult> OnPostAsync(Guid id) => SaveEditAsync(id);
}
