using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SpecialistRegistry.Data.Bulk;

/// <summary>
/// Inserts new rows of one entity type with multi-row <c>INSERT … VALUES (…), (…)</c> statements, shaped
/// entirely by EF's model: table and column names, the columns of complex properties, and each column's type
/// mapping (its value converter and parameter type), so a row is stored exactly as SaveChanges would store it.
/// Each statement shape is prepared once and reused. Columns the database generates are left out and can be
/// read back through RETURNING.
/// </summary>
internal sealed class BulkTable : IDisposable
{
    // Microsoft.Data.Sqlite binds each parameter by name, and SQLite finds a name by scanning the statement's
    // list of names, so binding costs grow with the square of a statement's parameters. About a hundred per
    // statement measured fastest: enough rows to share a statement's fixed cost, few enough to bind cheaply.
    private const int ParametersPerStatement = 100;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly Column[] _columns;
    private readonly string _head;
    private readonly string _returning;
    private readonly int _rowsPerStatement;
    private readonly Dictionary<int, (DbCommand Command, DbParameter[] Parameters)> _statements = [];

    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, ValueConverter? Converter, RelationalTypeMapping Mapping);

    /// <param name="returning">Properties (generated ones among them) that each statement returns, in this order.</param>
    public BulkTable(RegistryDb db, Type entityType, params string[] returning)
    {
        var type = db.Model.FindEntityType(entityType) ?? throw new ArgumentException($"{entityType.Name} is not in the model.", nameof(entityType));
        var table = type.GetTableName() ?? throw new NotSupportedException($"{entityType.Name} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        if (type.GetDiscriminatorPropertyName() is not null || type.GetDerivedTypes().Any())
            throw new NotSupportedException($"{entityType.Name} shares its table with other types.");

        var properties = type.GetProperties()
            .Concat(type.GetComplexProperties().SelectMany(c => c.ComplexType.GetComplexProperties().Any()
                ? throw new NotSupportedException($"{entityType.Name}.{c.Name} nests complex properties.")
                : c.ComplexType.GetProperties()));
        var columns = new List<Column>();
        foreach (var p in properties)
        {
            if (p.ValueGenerated != ValueGenerated.Never)
            {
                // The database makes the value (an integer key); a value EF would make in code is not supported.
                if (!returning.Contains(p.Name))
                    throw new NotSupportedException($"{entityType.Name}.{p.Name} is generated; return it or add the entity through SaveChanges.");
                continue;
            }
            var mapping = p.GetRelationalTypeMapping();
            columns.Add(new Column(p, p.GetGetter(), mapping.Converter, mapping));
        }
        _columns = [.. columns];

        var sql = db.GetService<ISqlGenerationHelper>();
        _head = $"INSERT INTO {sql.DelimitIdentifier(table, type.GetSchema())} ({string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(store)!)))}) VALUES ";
        _returning = returning.Length == 0 ? "" :
            " RETURNING " + string.Join(", ", returning.Select(r => sql.DelimitIdentifier(type.FindProperty(r)!.GetColumnName(store)!)));
        _rowsPerStatement = Math.Max(1, ParametersPerStatement / _columns.Length);
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");
    }

    /// <summary>Inserts <paramref name="rows"/>; when the table returns columns, <paramref name="returned"/> reads each returned row.</summary>
    public void Insert<T>(IReadOnlyList<T> rows, Action<DbDataReader>? returned = null) where T : class
    {
        for (var offset = 0; offset < rows.Count; offset += _rowsPerStatement)
        {
            var count = Math.Min(_rowsPerStatement, rows.Count - offset);
            var (command, parameters) = Statement(count);
            var i = 0;
            for (var r = offset; r < offset + count; r++)
            {
                var row = rows[r];
                foreach (var column in _columns)
                {
                    // As EF binds a column: the CLR value through the mapping's converter (enums, our UTC ticks),
                    // into a parameter the mapping configured (for example Guids and dates as SQLite text).
                    var value = column.Getter.GetClrValueUsingContainingEntity(row);
                    if (value is not null && column.Converter is { } converter)
                        value = converter.ConvertToProvider(value);
                    parameters[i++].Value = value ?? DBNull.Value;
                }
            }
            if (_returning.Length == 0)
            {
                command.ExecuteNonQuery();
                continue;
            }
            using var reader = command.ExecuteReader();
            while (reader.Read())
                returned?.Invoke(reader);
        }
    }

    private (DbCommand, DbParameter[]) Statement(int rows)
    {
        if (_statements.TryGetValue(rows, out var statement))
            return statement;
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var parameters = new DbParameter[rows * _columns.Length];
        var text = new StringBuilder(_head);
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                var index = r * _columns.Length + c;
                var name = $"@p{index}";
                text.Append(c == 0 ? "" : ", ").Append(name);
                parameters[index] = _columns[c].Mapping.CreateParameter(command, name, null, _columns[c].Property.IsNullable);
                command.Parameters.Add(parameters[index]);
            }
            text.Append(')');
        }
        command.CommandText = text.Append(_returning).ToString();
        command.Prepare();
        _statements[rows] = statement = (command, parameters);
        return statement;
    }

    public void Dispose()
    {
        foreach (var (command, _) in _statements.Values)
            command.Dispose();
        _statements.Clear();
    }
}
