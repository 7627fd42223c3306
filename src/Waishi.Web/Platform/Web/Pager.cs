namespace Waishi.Web.Platform.Web;

/// <summary>Which page links a list shows: the first, the last and two on each side of the current
/// one, with 0 standing for a gap ("…"); a gap of one page shows that page instead. A list of 4,000
/// pages gets a dozen links, not 4,000.</summary>
public static class Pager
{
    public static IReadOnlyList<int> Window(int current, int count, int around = 2)
    {
        var shown = new SortedSet<int> { 1, count };
        for (var p = Math.Max(1, current - around); p <= Math.Min(count, current + around); p++)
        {
            shown.Add(p);
        }
        var pages = new List<int>();
        foreach (var p in shown.Where(p => p >= 1 && p <= count))
        {
            if (pages.Count > 0 && p - pages[^1] == 2)
            {
                pages.Add(p - 1);
            }
            else if (pages.Count > 0 && p - pages[^1] > 2)
            {
                pages.Add(0);
            }
            pages.Add(p);
        }
        return pages;
    }
}
