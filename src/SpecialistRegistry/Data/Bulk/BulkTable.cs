using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace SpecialistRegistry.Data.Bulk;

/// <summary>
/// Inserts new rows of one entity type into SQLite with multi-row <c>INSERT … VALUES (…), (…)</c> statements,
/// shaped entirely by EF's model: table and column names, the columns of complex properties, and each column's
/// type mapping (its value converter, and the SQLite type its parameter gets), so a row is stored exactly as
/// SaveChanges stores it. Columns the database generates are left out and can be read back through RETURNING.
/// <para>
/// The statements run on the context's own connection (so inside its transaction) but are prepared and bound
/// through SQLitePCL directly, by position, with Microsoft.Data.Sqlite's binding rules (<see cref="Bind"/>).
/// Through SqliteCommand each parameter is found by name, a scan of the statement's names: for 200,000 rows
/// that binding cost as much as SQLite's own work. Each statement shape is prepared once and reused.
/// </para>
/// </summary>
internal sealed class BulkTable : IDisposable
{
    // SQLite allows 32,766 parameters per statement; a few hundred rows per statement is past the point where
    // a statement's fixed cost matters.
    private const int ParametersPerStatement = 1000;

    private readonly sqlite3 _handle;
    private readonly Column[] _columns;
    private readonly string _head;
    private readonly string _returning;
    private readonly int _returned;
    private readonly int _rowsPerStatement;
    private readonly Dictionary<int, sqlite3_stmt> _statements = [];

    private sealed record Column(IClrPropertyGetter Getter, ValueConverter? Converter, SqliteType Type);

    /// <param name="returning">Properties (generated ones among them) that each statement returns, in this order.</param>
    public BulkTable(RegistryDb db, Type entityType, params string[] returning)
    {
        var type = db.Model.FindEntityType(entityType) ?? throw new ArgumentException($"{entityType.Name} is not in the model.", nameof(entityType));
        var table = type.GetTableName() ?? throw new NotSupportedException($"{entityType.Name} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        if (type.GetDiscriminatorPropertyName() is not null || type.GetDerivedTypes().Any())
            throw new NotSupportedException($"{entityType.Name} shares its table with other types.");
        var connection = db.Database.GetDbConnection() as SqliteConnection
            ?? throw new NotSupportedException("Bulk inserts are written for SQLite.");
        if (db.Database.CurrentTransaction is null || connection.Handle is null)
            throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");
        _handle = connection.Handle;

        var properties = type.GetProperties()
            .Concat(type.GetComplexProperties().SelectMany(c => c.ComplexType.GetComplexProperties().Any()
                ? throw new NotSupportedException($"{entityType.Name}.{c.Name} nests complex properties.")
                : c.ComplexType.GetProperties()));
        var columns = new List<(string Name, Column Column)>();
        using var probe = connection.CreateCommand();
        foreach (var p in properties)
        {
            if (p.ValueGenerated != ValueGenerated.Never)
            {
                // The database makes the value (an integer key); a value EF would make in code is not supported.
                if (!returning.Contains(p.Name))
                    throw new NotSupportedException($"{entityType.Name}.{p.Name} is generated; return it or add the entity through SaveChanges.");
                continue;
            }
            // The parameter EF would bind for this column tells which SQLite type the value is bound as.
            var mapping = p.GetRelationalTypeMapping();
            var parameter = (SqliteParameter)mapping.CreateParameter(probe, "p", null, p.IsNullable);
            columns.Add((p.GetColumnName(store)!, new Column(p.GetGetter(), mapping.Converter, parameter.SqliteType)));
        }
        _columns = [.. columns.Select(c => c.Column)];

        var sql = db.GetService<ISqlGenerationHelper>();
        _head = $"INSERT INTO {sql.DelimitIdentifier(table, type.GetSchema())} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        _returning = returning.Length == 0 ? "" :
            " RETURNING " + string.Join(", ", returning.Select(r => sql.DelimitIdentifier(type.FindProperty(r)!.GetColumnName(store)!)));
        _returned = returning.Length;
        _rowsPerStatement = Math.Max(1, ParametersPerStatement / _columns.Length);
    }

    /// <summary>Inserts <paramref name="rows"/>; when the table returns columns, <paramref name="returned"/> gets each returned row.</summary>
    /// <exception cref="SqliteException">SQLite refused a row (a constraint, a full disk …).</exception>
    public void Insert<T>(IReadOnlyList<T> rows, Action<object?[]>? returned = null) where T : class
    {
        for (var offset = 0; offset < rows.Count; offset += _rowsPerStatement)
        {
            var count = Math.Min(_rowsPerStatement, rows.Count - offset);
            var statement = Statement(count);
            try
            {
                var index = 1;
                for (var r = offset; r < offset + count; r++)
                {
                    foreach (var column in _columns)
                    {
                        // As EF binds a column: the CLR value through the mapping's converter (enums, our UTC ticks).
                        var value = column.Getter.GetClrValueUsingContainingEntity(rows[r]);
                        if (value is not null && column.Converter is { } converter)
                            value = converter.ConvertToProvider(value);
                        Check(Bind(statement, index++, value, column.Type));
                    }
                }
                int rc;
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                    returned?.Invoke(Read(statement));
                if (rc != raw.SQLITE_DONE)
                    Check(rc);
            }
            finally
            {
                raw.sqlite3_reset(statement);
            }
        }
    }

    /// <summary>
    /// Binds <paramref name="value"/> as Microsoft.Data.Sqlite's SqliteValueBinder would for a parameter of
    /// <paramref name="type"/>: the same text for Guids and dates, the same integers for booleans and enums.
    /// Types no bulk-inserted column has are refused rather than guessed.
    /// </summary>
    private static int Bind(sqlite3_stmt statement, int index, object? value, SqliteType type) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        short number => raw.sqlite3_bind_int64(statement, index, number),
        byte number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        Enum e => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture)),
        double number when !double.IsNaN(number) => raw.sqlite3_bind_double(statement, index, number),
        Guid guid when type != SqliteType.Blob => raw.sqlite3_bind_text(statement, index, guid.ToString().ToUpperInvariant()),
        Guid guid => raw.sqlite3_bind_blob(statement, index, guid.ToByteArray()),
        DateOnly date when type != SqliteType.Real => raw.sqlite3_bind_text(statement, index, date.ToString(@"yyyy\-MM\-dd", System.Globalization.CultureInfo.InvariantCulture)),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new NotSupportedException($"A {value.GetType().Name} value (as {type}) is not written by bulk inserts; add the entity through SaveChanges."),
    };

    private object?[] Read(sqlite3_stmt statement)
    {
        var row = new object?[_returned];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = raw.sqlite3_column_type(statement, i) switch
            {
                raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statement, i),
                raw.SQLITE_FLOAT => raw.sqlite3_column_double(statement, i),
                raw.SQLITE_TEXT => raw.sqlite3_column_text(statement, i).utf8_to_string(),
                raw.SQLITE_BLOB => raw.sqlite3_column_blob(statement, i).ToArray(),
                _ => null,
            };
        }
        return row;
    }

    private sqlite3_stmt Statement(int rows)
    {
        if (_statements.TryGetValue(rows, out var statement))
            return statement;
        var text = new StringBuilder(_head);
        for (var r = 0; r < rows; r++)
            text.Append(r == 0 ? "(" : ", (").AppendJoin(", ", Enumerable.Repeat("?", _columns.Length)).Append(')');
        Check(raw.sqlite3_prepare_v2(_handle, text.Append(_returning).ToString(), out statement));
        _statements[rows] = statement;
        return statement;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(rc, _handle);
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
            statement.Dispose();
        _statements.Clear();
    }
}
