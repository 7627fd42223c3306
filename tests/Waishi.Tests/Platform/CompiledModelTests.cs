using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Platform;

/// <summary>
/// The app loads its SQLite model from generated code (a compiled model) instead of building it at
/// start-up. This writes that code afresh from the entity configurations and compares it with the
/// committed files, so a model change without a new compiled model fails here with the command
/// that writes it.
/// </summary>
public sealed class CompiledModelTests
{
    internal const string WriteVariable = "WAISHI_WRITE_COMPILED_MODEL";

    private static string CommittedDirectory =>
        Path.Combine(LocalizationKeys.WebProject, "Platform", "Data", "CompiledModel");

    [Fact]
    public void The_committed_compiled_model_is_the_one_the_entity_configurations_generate()
    {
        var fresh = Path.Combine(Path.GetTempPath(), "waishi-model-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = Generate(fresh);
            if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
            {
                Replace(fresh, written);
            }
            var committed = Directory.GetFiles(CommittedDirectory, "*.cs")
                .Select(Path.GetFileName).Where(n => !n!.EndsWith(".Filters.cs", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList();
            var stale = written.Order(StringComparer.Ordinal).ToList();
            const string fix = "Run scripts/compile-model.sh and commit src/Waishi.Web/Platform/Data/CompiledModel.";
            Assert.True(committed.SequenceEqual(stale), $"The compiled model's files differ ({string.Join(", ", stale.Except(committed).Concat(committed.Except(stale)!))}). {fix}");
            foreach (var name in written)
            {
                var expected = WithoutModelId(File.ReadAllText(Path.Combine(fresh, name)));
                var actual = WithoutModelId(File.ReadAllText(Path.Combine(CommittedDirectory, name)));
                Assert.True(expected == actual, $"{name} is not what the model generates now. {fix}");
            }
        }
        finally
        {
            if (Directory.Exists(fresh))
            {
                Directory.Delete(fresh, recursive: true);
            }
        }
    }

    [Fact]
    public void The_compiled_model_filters_by_tenant_the_same_types_with_the_same_filter_as_a_built_model()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new AppDbContext(options);
        var compiled = Web.Platform.Data.CompiledModel.AppDbContextModel.Instance;
        Assert.NotSame(compiled, db.Model);

        static List<string> Filters(IModel model) => model.GetEntityTypes()
            .SelectMany(t => t.GetDeclaredQueryFilters().Select(f => $"{t.Name}: {f.IsAnonymous} {f.Expression}"))
            .Order(StringComparer.Ordinal).ToList();
        var built = Filters(db.Model);
        Assert.Contains(built, f => f.StartsWith(typeof(Web.Features.Trips.Trip).FullName + ":", StringComparison.Ordinal));
        Assert.Equal(built, Filters(compiled));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    public async Task The_app_takes_the_compiled_model_on_SQLite_unless_it_is_switched_off(string? setting, bool compiled)
    {
        var settings = setting is null ? null : new Dictionary<string, string?> { ["Database:CompiledModel"] = setting };
        await using var app = AppFactory.OnEmptyDatabase(seed: false, settings);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // The model is SQLite's: PostgreSQL builds its own whatever the setting.
        Assert.Equal(compiled && !TestDatabase.IsPostgres, ReferenceEquals(Web.Platform.Data.CompiledModel.AppDbContextModel.Instance, db.Model));
    }

    /// <summary>Writes the compiled model of the SQLite provider into the folder; returns the file names.</summary>
    private static List<string> Generate(string directory)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite("Data Source=:memory:")
            .ReplaceService<IModelCacheKeyFactory, FilterlessModelKeys>()
            .Options;
        using var db = new AppDbContext(options) { WithoutQueryFilters = true };
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices();
        // The provider's design-time services are what "dotnet ef" loads for SQLite; EF Core
        // marks the class internal but documents this use for design-time tools.
#pragma warning disable EF1001
        new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
        services.AddDbContextDesignTimeServices(db);
        using var provider = services.BuildServiceProvider();
        var files = provider.GetRequiredService<ICompiledModelScaffolder>().ScaffoldModel(
            db.GetService<IDesignTimeModel>().Model,
            directory,
            new CompiledModelCodeGenerationOptions
            {
                ContextType = typeof(AppDbContext),
                ModelNamespace = "Waishi.Web.Platform.Data.CompiledModel",
                Language = "C#",
                UseNullableReferenceTypes = true,
            });
        // The generator also writes an assembly attribute that makes EF Core take this model for
        // every AppDbContext; the model is SQLite's, so DatabaseSetup asks for it on SQLite alone.
        var attribute = Path.Combine(directory, "AppDbContextAssemblyAttributes.cs");
        File.Delete(attribute);
        return files.Select(f => Path.GetFileName(f)).Where(f => f != Path.GetFileName(attribute)).ToList();
    }

    /// <summary>The generator gives each model a new random id; it is not part of what is compared.</summary>
    private static string WithoutModelId(string code) =>
        System.Text.RegularExpressions.Regex.Replace(code, @"modelId: new Guid\(""[0-9a-f-]+""\)", "modelId: new Guid()");

    private static void Replace(string fresh, List<string> written)
    {
        Directory.CreateDirectory(CommittedDirectory);
        foreach (var old in Directory.GetFiles(CommittedDirectory, "*.cs").Where(f => !f.EndsWith(".Filters.cs", StringComparison.Ordinal)))
        {
            File.Delete(old);
        }
        foreach (var name in written)
        {
            File.Copy(Path.Combine(fresh, name), Path.Combine(CommittedDirectory, name));
        }
    }

    /// <summary>Keeps the filterless model apart from the app's in EF Core's model cache.</summary>
    private sealed class FilterlessModelKeys : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            (context.GetType(), designTime, ((AppDbContext)context).WithoutQueryFilters);
    }
}
