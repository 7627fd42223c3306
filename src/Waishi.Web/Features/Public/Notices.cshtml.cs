using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waishi.Web.Features.Public;

/// <summary>The public notice page (公示): publicity of approved trips and published reports appear
/// here as the modules that publish them land. Open to anyone.</summary>
public sealed class NoticesModel : PageModel
{
    public void OnGet()
    {
    }
}
