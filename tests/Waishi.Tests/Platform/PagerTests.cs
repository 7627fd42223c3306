using Waishi.Web.Platform.Web;

namespace Waishi.Tests.Platform;

public sealed class PagerTests
{
    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(1, 5, "1 2 3 4 5")]
    [InlineData(1, 4000, "1 2 3 … 4000")]
    [InlineData(2000, 4000, "1 … 1998 1999 2000 2001 2002 … 4000")]
    [InlineData(4000, 4000, "1 … 3998 3999 4000")]
    [InlineData(4, 9, "1 2 3 4 5 6 … 9")]
    [InlineData(5, 9, "1 2 3 4 5 6 7 8 9")]
    [InlineData(6, 12, "1 … 4 5 6 7 8 … 12")]
    public void A_long_list_shows_the_ends_and_the_pages_around_the_current_one(int current, int count, string expected) =>
        Assert.Equal(expected, string.Join(" ", Pager.Window(current, count).Select(p => p == 0 ? "…" : p.ToString())));
}
