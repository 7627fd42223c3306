using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Platform;
using Waishi.Tests.Support;
using Waishi.Web.Features.Ror;

namespace Waishi.Tests.Features.Ror;

public sealed class RorImportTests
{
    private static Task<RorImportProgress> ImportAsync(AppFactory app, string path, RorImportFilter? filter = null) =>
        app.WithDbAsync(async db =>
        {
            await using var stream = File.OpenRead(path);
            return await new RorImporter(db, TimeProvider.System).ImportAsync(stream, filter ?? new RorImportFilter());
        });

    [Fact]
    public async Task A_dump_with_malformed_records_imports_the_rest_and_names_each_bad_record_by_position_and_id()
    {
        await using var app = await AppFactory.CreateAsync();
        var path = RorDump.TempPath();
        try
        {
            var malformed = RorDump.Write(path, 1200, [3, 501, 502, 777]);

            var report = await ImportAsync(app, path);

            Assert.Equal(1200, report.Read);
            Assert.Equal(1196, report.Added);
            Assert.Equal(4, report.Failed);
            Assert.Null(report.FatalError);
            Assert.Equal(malformed.Keys.Order().Select(i => (long)i), report.Errors.Select(e => e.Index));
            foreach (var error in report.Errors)
            {
                Assert.Equal(malformed[(int)error.Index], error.RorId);
            }
            Assert.Contains("names must be an array", report.Errors.Single(e => e.Index == 501).Message);
            Assert.Contains("established", report.Errors.Single(e => e.Index == 502).Message);
            Assert.Equal(1196, await app.WithDbAsync(db => db.Set<RorOrganisation>().CountAsync()));
            Assert.False(await app.WithDbAsync(db => db.Set<RorOrganisation>().AnyAsync(o => o.RorId == RorDump.IdOf(501))));

            var row = await app.WithDbAsync(db => db.Set<RorOrganisation>().SingleAsync(o => o.RorId == RorDump.IdOf(10)));
            Assert.Equal(RorDump.NameOf(10), row.DisplayName);
            Assert.Equal("CN", row.CountryCode);
            Assert.Equal("Chongqing", row.City);
            Assert.Equal(37.802168, row.Latitude);
            Assert.Equal("http://www.universityofcalifornia.edu/", row.Website);
            Assert.Equal(1868, row.Established);
            Assert.Equal(new DateOnly(2022, 10, 18), row.LastModified);
            Assert.Contains("test university number 10", row.SearchText);
            Assert.Contains("测试大学10", row.SearchText);
            Assert.Contains("grid.30389.31", row.ExternalIdsJson);
            Assert.Contains("02jbv0t02", row.RelationshipsJson);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_reimport_changes_nothing_and_a_changed_record_is_updated_in_place()
    {
        await using var app = await AppFactory.CreateAsync();
        var path = RorDump.TempPath();
        try
        {
            RorDump.Write(path, 30);
            Assert.Equal(30, (await ImportAsync(app, path)).Added);
            var before = await app.WithDbAsync(db => db.Set<RorOrganisation>().AsNoTracking().SingleAsync(o => o.RorId == RorDump.IdOf(5)));

            var again = await ImportAsync(app, path);
            Assert.Equal((0L, 0L, 30L), (again.Added, again.Updated, again.Unchanged));

            RorDump.Write(path, 31, record: i => RorDump.Record(i, i == 5 ? " (renamed)" : null));
            var changed = await ImportAsync(app, path);
            Assert.Equal((1L, 1L, 29L), (changed.Added, changed.Updated, changed.Unchanged));
            var after = await app.WithDbAsync(db => db.Set<RorOrganisation>().AsNoTracking().SingleAsync(o => o.RorId == RorDump.IdOf(5)));
            Assert.Equal(before.Id, after.Id);
            Assert.Equal(RorDump.NameOf(5) + " (renamed)", after.DisplayName);
            Assert.Equal(before.Version + 1, after.Version);
            Assert.Equal(31, await app.WithDbAsync(db => db.Set<RorOrganisation>().CountAsync()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Filters_import_only_the_chosen_country_type_and_status()
    {
        await using var app = await AppFactory.CreateAsync();
        var path = RorDump.TempPath();
        try
        {
            RorDump.Write(path, 200);
            var expected = Enumerable.Range(0, 200).Count(i => RorDump.CountryOf(i) == "CN" && RorDump.TypeOf(i) == "education" && RorDump.StatusOf(i) == "active");
            Assert.True(expected > 0);

            var report = await ImportAsync(app, path, new RorImportFilter("cn", "education", "active"));

            Assert.Equal(expected, report.Added);
            Assert.Equal(200 - expected, report.Skipped);
            var stored = await app.WithDbAsync(db => db.Set<RorOrganisation>().Select(o => new { o.CountryCode, o.Types, o.Status }).ToListAsync());
            Assert.Equal(expected, stored.Count);
            Assert.All(stored, o => Assert.Equal(("CN", "education", "active"), (o.CountryCode, o.Types, o.Status)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Broken_json_in_a_file_is_refused_whole_and_in_a_stream_stops_the_import_keeping_what_was_read()
    {
        await using var app = await AppFactory.CreateAsync();
        var path = RorDump.TempPath();
        try
        {
            RorDump.Write(path, 20);
            var text = await File.ReadAllTextAsync(path);
            await File.WriteAllTextAsync(path, text[..(text.Length / 2)]);

            // A file is read once before importing: nothing of it is written.
            var report = await ImportAsync(app, path);
            Assert.Equal(RorImporter.TruncatedMessage, report.FatalError);
            Assert.Equal(0, report.Added);
            Assert.Equal(0, await app.WithDbAsync(db => db.Set<RorOrganisation>().CountAsync()));

            // A stream that cannot be read twice imports up to the break.
            report = await app.WithDbAsync(async db =>
            {
                await using var stream = new OneWay(File.OpenRead(path));
                return await new RorImporter(db, TimeProvider.System).ImportAsync(stream, new RorImportFilter());
            });
            Assert.NotNull(report.FatalError);
            Assert.Contains("not valid JSON", report.FatalError);
            Assert.True(report.Added is > 0 and < 20);
            Assert.Equal(report.Added, await app.WithDbAsync(db => db.Set<RorOrganisation>().CountAsync()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_verb_prints_progress_and_a_summary_and_says_when_nothing_changed()
    {
        await using var app = await AppFactory.CreateAsync();
        var path = RorDump.TempPath();
        try
        {
            RorDump.Write(path, 1100, [8, 1049]);

            var first = await CliRunner.RunAsync(app.ConnectionString, "ror-import", path);
            Assert.True(first.ExitCode == 0, first.Error + first.Output);
            Assert.Contains("read 501, imported 500, failed 1", first.Output);
            Assert.Contains("record 8: id is missing", first.Output);
            Assert.Contains($"record 1049 ({RorDump.IdOf(1049)}): names must be an array", first.Output);
            Assert.Contains("Done: 1,100 read, 1,098 added", first.Output);

            var second = await CliRunner.RunAsync(app.ConnectionString, "ror-import", path, "--country", "GB");
            Assert.Equal(0, second.ExitCode);
            Assert.Contains("0 added, 0 updated", second.Output);
            Assert.Contains("Nothing changed", second.Output);

            var missing = await CliRunner.RunAsync(app.ConnectionString, "ror-import", path + ".nope");
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("does not exist", missing.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A stream that reads forward only, as a network body would.</summary>
    private sealed class OneWay(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => inner.ReadAsync(buffer, ct);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
