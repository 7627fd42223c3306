using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Bench;

/// <summary>
/// The app's database through plain ADO.NET, for the raw endpoints of the benchmark build: the
/// connection string of the app's own configuration, a pooled connection per request. Values are
/// bound as EF Core stores them: on SQLite GUIDs are upper-case text and dates ISO text; enums are
/// names everywhere. On SQLite every tenant condition ("TenantId" = @t) is sent as the app sends it,
/// with its likelihood (<see cref="TenantTerm"/>), so that both run the same statement and get the
/// same plan.
/// </summary>
public sealed partial class RawDatabase(DatabaseOptions options, IWebHostEnvironment environment)
{
    private readonly ConcurrentDictionary<string, string> _sqliteText = new();

    private readonly string _connectionString = options.IsPostgres
        ? options.ConnectionString!
        : options.SqliteConnectionString(environment.ContentRootPath);

    public bool IsPostgres => options.IsPostgres;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = IsPostgres ? sql : _sqliteText.GetOrAdd(sql, static text => TenantCondition().Replace(text,
            m => $"likelihood({m.Groups[1].Value} = @t, {TenantTerm.Share.ToString(CultureInfo.InvariantCulture)})"));
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }
        return command;
    }

    public void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value switch
        {
            null => DBNull.Value,
            Guid g when !IsPostgres => g.ToString().ToUpperInvariant(),
            DateOnly d when !IsPostgres => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Enum e => e.ToString(),
            _ => value,
        };
        command.Parameters.Add(parameter);
    }

    /// <summary>"contains" as EF Core translates <c>string.Contains</c> on this provider.</summary>
    public string Contains(string column, string parameter) =>
        IsPostgres ? $"strpos({column}, {parameter}) > 0" : $"instr({column}, {parameter}) > 0";

    public static Guid ReadGuid(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(Guid) ? reader.GetGuid(ordinal) : Guid.Parse(reader.GetString(ordinal));

    public static string? ReadString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateOnly? ReadDate(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);

    public static DateTime? ReadDateTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null
        : reader.GetFieldType(ordinal) == typeof(string)
            ? DateTime.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : reader.GetDateTime(ordinal);

    public static Guid QueryGuid(HttpRequest request, string name) =>
        Guid.TryParse(request.Query[name].ToString(), out var id) ? id : throw new BadHttpRequestException($"{name}: a GUID is required");

    [GeneratedRegex("""((?:[A-Za-z0-9_]+\.)?"TenantId") = @t(?![A-Za-z0-9_])""")]
    private static partial Regex TenantCondition();
}
