using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Waishi.Web.Platform.Documents;

/// <summary>A column of a <see cref="PdfComposer.Table"/>: its bilingual header and width in points.</summary>
public sealed record PdfColumn(string Zh, string En, double Width);

/// <summary>
/// Lays out a simple flowing A4 document: titles, label/value fields, tables and a QR block, all
/// in one embedded CJK font, wrapping Chinese anywhere and Latin text at spaces, with a page footer.
/// </summary>
public sealed class PdfComposer : IDisposable
{
    private const double Margin = 56;
    private const double LabelWidth = 118;
    private static readonly XPdfFontOptions Embedded = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);
    private static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(90, 90, 90));
    private static readonly XPen Rule = new(XColor.FromArgb(160, 160, 160), 0.5);

    private readonly PdfDocument _document = new();
    private readonly XFont _title, _heading, _body, _small;
    private readonly string _footer;
    private XGraphics _gfx = null!;
    private PdfPage _page = null!;
    private double _y;

    public PdfComposer(string fontFamily, string title, string author, string footer)
    {
        _document.Info.Title = title;
        _document.Info.Author = author;
        _document.Info.Creator = "Waishi";
        _title = new XFont(fontFamily, 17, XFontStyleEx.Bold, Embedded);
        _heading = new XFont(fontFamily, 11, XFontStyleEx.Bold, Embedded);
        _body = new XFont(fontFamily, 10, XFontStyleEx.Regular, Embedded);
        _small = new XFont(fontFamily, 7.5, XFontStyleEx.Regular, Embedded);
        _footer = footer;
        NewPage();
    }

    private double Width => _page.Width.Point - 2 * Margin;
    private double Bottom => _page.Height.Point - Margin - 14;

    public void Title(string zh, string en)
    {
        Centered(zh, _title, XBrushes.Black);
        Centered(en, _heading, XBrushes.Black);
        _y += 10;
    }

    /// <summary>A line of centred text under the title, such as the document number.</summary>
    public void Subtitle(string text)
    {
        Centered(text, _body, Grey);
        _y += 6;
    }

    public void Heading(string zh, string en)
    {
        Room(_heading.GetHeight() + 3 * _body.GetHeight());
        _y += 8;
        _gfx.DrawString($"{zh}  {en}", _heading, XBrushes.Black, new XPoint(Margin, _y), XStringFormats.TopLeft);
        _y += _heading.GetHeight() + 2;
        _gfx.DrawLine(Rule, Margin, _y, Margin + Width, _y);
        _y += 4;
    }

    /// <summary>A label in both languages on the left, the value wrapped on the right.</summary>
    public void Field(string zh, string en, string? value)
    {
        var lines = Wrap(string.IsNullOrWhiteSpace(value) ? "—" : value, _body, Width - LabelWidth);
        var height = Math.Max(lines.Count * _body.GetHeight(), _body.GetHeight() + _small.GetHeight()) + 4;
        Room(Math.Min(height, Bottom - Margin));
        _gfx.DrawString(zh, _body, XBrushes.Black, new XPoint(Margin, _y), XStringFormats.TopLeft);
        _gfx.DrawString(en, _small, Grey, new XPoint(Margin, _y + _body.GetHeight()), XStringFormats.TopLeft);
        var y = _y;
        foreach (var line in lines)
        {
            if (y + _body.GetHeight() > Bottom)
            {
                NewPage();
                y = _y;
            }
            _gfx.DrawString(line, _body, XBrushes.Black, new XPoint(Margin + LabelWidth, y), XStringFormats.TopLeft);
            y += _body.GetHeight();
        }
        _y = Math.Max(y, _y + _body.GetHeight() + _small.GetHeight()) + 4;
    }

    public void Paragraph(string text)
    {
        foreach (var line in Wrap(text, _body, Width))
        {
            Room(_body.GetHeight());
            _gfx.DrawString(line, _body, XBrushes.Black, new XPoint(Margin, _y), XStringFormats.TopLeft);
            _y += _body.GetHeight();
        }
        _y += 4;
    }

    /// <summary>A ruled table; the widths of <paramref name="columns"/> are scaled to the text width.</summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var scale = Width / columns.Sum(c => c.Width);
        var widths = columns.Select(c => c.Width * scale).ToArray();
        void Row(IReadOnlyList<IReadOnlyList<(string Text, XFont Font, XBrush Brush)>> cells)
        {
            var wrapped = cells.Select((parts, i) => parts.SelectMany(p => Wrap(p.Text, p.Font, widths[i] - 6).Select(l => (l, p.Font, p.Brush))).ToList()).ToList();
            var height = wrapped.Max(c => c.Sum(l => l.Font.GetHeight())) + 6;
            Room(height);
            var x = Margin;
            for (var i = 0; i < wrapped.Count; i++)
            {
                var y = _y + 3;
                foreach (var (text, font, brush) in wrapped[i])
                {
                    _gfx.DrawString(text, font, brush, new XPoint(x + 3, y), XStringFormats.TopLeft);
                    y += font.GetHeight();
                }
                _gfx.DrawRectangle(Rule, x, _y, widths[i], height);
                x += widths[i];
            }
            _y += height;
        }
        Row([.. columns.Select(c => (IReadOnlyList<(string, XFont, XBrush)>)[(c.Zh, _body, XBrushes.Black), (c.En, _small, Grey)])]);
        foreach (var row in rows)
        {
            Row([.. row.Select(cell => (IReadOnlyList<(string, XFont, XBrush)>)[(cell, _body, XBrushes.Black)])]);
        }
        _y += 6;
    }

    /// <summary>A QR code of <paramref name="payload"/> with lines of text beside it.</summary>
    public void QrBlock(string payload, IReadOnlyList<string> lines)
    {
        const double size = 92;
        Room(size + 10);
        _y += 8;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var col = 0; col < matrix[row].Length; col++)
            {
                if (matrix[row][col])
                {
                    // A hair of overlap closes the seams some viewers draw between modules.
                    _gfx.DrawRectangle(XBrushes.Black, Margin + col * module, _y + row * module, module + 0.05, module + 0.05);
                }
            }
        }
        var y = _y + 8;
        foreach (var line in lines.SelectMany(l => Wrap(l, _body, Width - size - 12)))
        {
            _gfx.DrawString(line, _body, XBrushes.Black, new XPoint(Margin + size + 12, y), XStringFormats.TopLeft);
            y += _body.GetHeight() + 1;
        }
        _y += Math.Max(size, y - _y) + 6;
    }

    public byte[] Save()
    {
        using var stream = new MemoryStream();
        _gfx.Dispose();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }

    private void Centered(string text, XFont font, XBrush brush)
    {
        foreach (var line in Wrap(text, font, Width))
        {
            Room(font.GetHeight());
            _gfx.DrawString(line, font, brush, new XRect(Margin, _y, Width, font.GetHeight()), XStringFormats.TopCenter);
            _y += font.GetHeight() + 2;
        }
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    private void Room(double height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin;
        var number = _document.PageCount;
        _gfx.DrawString($"{_footer}    {number}", _small, Grey,
            new XRect(Margin, _page.Height.Point - Margin, Width, _small.GetHeight()), XStringFormats.TopCenter);
    }

    /// <summary>Lines no wider than <paramref name="width"/>: breaks after spaces and after CJK
    /// characters, and inside a word only when a word alone is too wide.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = new StringBuilder();
            var lastBreak = -1;
            foreach (var c in paragraph)
            {
                line.Append(c);
                if (line.Length > 1 && _gfx.MeasureString(line.ToString(), font).Width > width)
                {
                    var cut = lastBreak > 0 && lastBreak < line.Length ? lastBreak : line.Length - 1;
                    lines.Add(line.ToString(0, cut).TrimEnd());
                    var rest = line.ToString(cut, line.Length - cut).TrimStart();
                    line.Clear().Append(rest);
                    lastBreak = -1;
                }
                if (c == ' ' || IsCjk(c))
                {
                    lastBreak = line.Length;
                }
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';
}
