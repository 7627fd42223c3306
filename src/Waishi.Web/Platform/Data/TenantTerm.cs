using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Waishi.Web.Platform.Data;

/// <summary>
/// Tells SQLite's query planner how much the tenant filter narrows a query. Every query of a tenant
/// carries "TenantId = @tenant". Without statistics SQLite takes an equality on an index's first
/// column to leave about ten rows, so it searched a TenantId-first index and read all of a tenant's
/// destinations rather than look up the 25 trips of a page by their ids; with statistics it read
/// the list through another TenantId-first index and sorted all of a tenant's trips. On SQLite the
/// condition becomes <c>likelihood(TenantId = @tenant, 0.25)</c>: a quarter of the rows, so ids,
/// keys and indexes in the query's order win over the tenant alone, while a TenantId-first index
/// still wins over reading the whole table. The plans then stay the same with and without
/// statistics (docs/benchmarks.md, "SQLite's planner and its statistics"). The function costs
/// nothing when the query runs; PostgreSQL, which keeps its statistics itself, gets the plain condition.
/// </summary>
public static class TenantTerm
{
    /// <summary>The share of a table's rows the planner is told one tenant holds.</summary>
    public const double Share = 0.25;

    internal static readonly MethodInfo OfTenantMethod = typeof(TenantTerm).GetMethod(nameof(OfTenant))!;

    /// <summary>The condition itself; only its translation differs.</summary>
    public static bool OfTenant(bool condition) => condition;

    /// <summary>Adds the translation to a context's options (done by <see cref="AppDbContext"/> itself).</summary>
    internal static void Register(DbContextOptionsBuilder options)
    {
        if (options.Options.FindExtension<Extension>() is null)
        {
            ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new Extension());
        }
    }

    private sealed class Translator(ISqlExpressionFactory sql, ICurrentDbContext current) : IMethodCallTranslator
    {
        public SqlExpression? Translate(SqlExpression? instance, MethodInfo method, IReadOnlyList<SqlExpression> arguments,
            IDiagnosticsLogger<DbLoggerCategory.Query> logger)
        {
            if (method != OfTenantMethod)
            {
                return null;
            }
            if (!current.Context.Database.IsSqlite())
            {
                return arguments[0];
            }
            return sql.Function("likelihood", [arguments[0], sql.Constant(Share)], nullable: true,
                argumentsPropagateNullability: [true, false], typeof(bool), arguments[0].TypeMapping);
        }
    }

    private sealed class Plugin(ISqlExpressionFactory sql, ICurrentDbContext current) : IMethodCallTranslatorPlugin
    {
        public IEnumerable<IMethodCallTranslator> Translators { get; } = [new Translator(sql, current)];
    }

    private sealed class Extension : IDbContextOptionsExtension
    {
        public DbContextOptionsExtensionInfo Info => field ??= new ExtensionInfo(this);

        public void ApplyServices(IServiceCollection services) =>
            new EntityFrameworkRelationalServicesBuilder(services).TryAdd<IMethodCallTranslatorPlugin, Plugin>();

        public void Validate(IDbContextOptions options)
        {
        }

        private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
        {
            public override bool IsDatabaseProvider => false;
            public override string LogFragment => "";
            public override int GetServiceProviderHashCode() => 0;
            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;
            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Waishi:TenantTerm"] = "1";
        }
    }
}
