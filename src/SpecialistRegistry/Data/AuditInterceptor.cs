using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data;

/// <summary>
/// Writes one hash-chained audit entry per changed entity into the same transaction as the change, so a
/// write without its audit entry cannot exist. The chain head is read under a lock (SQLite: the write lock
/// taken by BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock), which keeps sequence numbers
/// gap-free and the chain unbroken with many writers.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock, FieldProtector seals) : SaveChangesInterceptor
{
    private const long PostgresChainLockKey = 0x5EC1A1157;

    // Concurrency bookkeeping: changes on every save and says nothing a reader needs.
    private static readonly HashSet<string> BookkeepingProperties = ["ConcurrencyStamp", "Version"];

    // Secrets: the trail records that they changed (a password change is an event worth seeing), never their value.
    private static readonly HashSet<string> SecretProperties = ["PasswordHash", "SecurityStamp"];

    // Content the trail leaves out because another recorded field stands for it: a filing entry's frozen record
    // (a whole person, names and all) is recorded by its SHA-256 (SnapshotDigest), like the search tables are not recorded at all.
    private static readonly HashSet<(Type, string)> RecordedByDigest = [(typeof(FilingEntry), nameof(FilingEntry.Snapshot))];

    private const string SecretMarker = "[secret]";

    // Chinese names and masked numbers stay readable in the stored JSON (it is never embedded in HTML unescaped).
    internal static readonly JsonSerializerOptions ChangesJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, SaveInProgress> _saves = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is RegistryDb db)
            Append(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is RegistryDb db)
            Append(db);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Complete(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Complete(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>What one SaveChanges has added to the context, so a failed save can be undone completely.</summary>
    private sealed class SaveInProgress
    {
        public IDbContextTransaction? OwnTransaction { get; set; }
        public List<AuditEntry> ChangeEntries { get; } = [];
        /// <summary>Named events with the placeholder sequence each had before this save numbered it.</summary>
        public List<(AuditEntry Entry, long Placeholder)> NamedEvents { get; } = [];
    }

    private void Append(RegistryDb db)
    {
        try
        {
            AppendAuditEntries(db);
        }
        catch
        {
            // EF calls no failure hook for an exception thrown from SavingChanges, so release the lock here.
            Abandon(db);
            throw;
        }
    }

    // EF raises DbUpdateConcurrencyException without calling the interceptor's SaveChangesFailed, only the
    // context's event. Without this the stale save kept its transaction, and with it the chain lock, until
    // the context was disposed: every other writer waited.
    private void OnSaveChangesFailed(object? sender, SaveChangesFailedEventArgs e) => Abandon(sender as DbContext);

    private void Complete(DbContext? context)
    {
        if (context is null || !_saves.TryGetValue(context, out var save))
            return;
        _saves.Remove(context);
        context.SaveChangesFailed -= OnSaveChangesFailed;
        if (save.OwnTransaction is { } tx)
        {
            tx.Commit();
            tx.Dispose();
        }
    }

    /// <summary>
    /// Rolls back our own transaction and takes back the entries this save queued, so the context can be
    /// corrected and saved again: left in place, their stale sequence numbers would collide on the next save.
    /// </summary>
    private void Abandon(DbContext? context)
    {
        if (context is null || !_saves.TryGetValue(context, out var save))
            return;
        _saves.Remove(context);
        context.SaveChangesFailed -= OnSaveChangesFailed;
        if (save.OwnTransaction is { } tx)
        {
            tx.Rollback();
            tx.Dispose();
        }
        foreach (var entry in save.ChangeEntries)
            context.Entry(entry).State = EntityState.Detached;
        foreach (var (namedEvent, placeholder) in save.NamedEvents)
            namedEvent.Sequence = placeholder;
    }

    // Synchronous on purpose: the chain must be extended inside SaveChanges, and both paths share this code.
    private void AppendAuditEntries(RegistryDb db)
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Count == 0)
            return;

        // Checked on everything pending, audit rows included: a save that only edits or removes an audit row must fail too.
        var untouchable = changed.FirstOrDefault(e => e.Entity is AuditEntry or AuditCheckpoint or CustodyEvent or FilingEntry or FilingWaiver && e.State != EntityState.Added);
        if (untouchable is not null)
            throw new InvalidOperationException($"{untouchable.Metadata.ClrType.Name} rows are append-only.");
        // A submitted filing is frozen: only its review decision may change it, and only its own submission adds its entries.
        if (FilingFreeze.Refusal(changed, db) is { } frozen)
            throw new InvalidOperationException(frozen);

        RenewConcurrencyVersions(changed);
        var save = new SaveInProgress();
        _saves.AddOrUpdate(db, save);
        db.SaveChangesFailed -= OnSaveChangesFailed;
        db.SaveChangesFailed += OnSaveChangesFailed;
        LockChain(db, save);
        var (sequence, previousHash) = ReadChainHead(db);
        var now = AuditChain.ToStoredPrecision(clock.GetUtcNow());

        var entries = new List<AuditEntry>();
        foreach (var entry in changed)
        {
            // The search index is derived from the audited entities in this same save and holds nothing of its
            // own; auditing it would double the trail (and copy names into it) without recording any new fact.
            // A checkpoint states the chain's head; recording it in the chain would move the head it states.
            // Data Protection's key ring and the once-only notification keys are the app's own bookkeeping (the key
            // ring holds key material, which has no place in a trail people read).
            if (entry.Entity is not AuditEntry && !IsAudited(entry.Metadata.ClrType))
                continue;
            if (entry.Entity is AuditEntry pending)
            {
                if (pending.Sequence <= 0)
                {
                    entries.Add(pending);
                    save.NamedEvents.Add((pending, pending.Sequence));
                }
                continue;
            }
            var change = Describe(entry);
            if (change is null)
                continue;
            var audit = new AuditEntry
            {
                Action = entry.State.ToString(),
                EntityType = entry.Metadata.ClrType.Name,
                EntityKey = KeyOf(entry),
                Changes = change,
            };
            entries.Add(audit);
            save.ChangeEntries.Add(audit);
        }

        foreach (var audit in entries)
        {
            previousHash = AuditChain.Link(audit, ++sequence, now, db.Actor, previousHash, seals);
            if (db.Entry(audit).State == EntityState.Detached)
                db.AuditEntries.Add(audit);
        }
    }

    /// <summary>The last link's sequence and hash (the genesis hash on an empty trail). Read under the chain lock.</summary>
    internal static (long Sequence, string Hash) ReadChainHead(RegistryDb db)
    {
        var head = db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefault();
        return (head?.Sequence ?? 0, head?.Hash ?? AuditChain.GenesisHash);
    }

    // Every editable entity carries a Version token; a new value per save makes a stale save fail.
    private static void RenewConcurrencyVersions(List<EntityEntry> changed)
    {
        foreach (var entry in changed.Where(e => e.State == EntityState.Modified))
        {
            if (entry.Metadata.FindProperty("Version") is { } version && version.ClrType == typeof(Guid))
                entry.Property(version.Name).CurrentValue = Guid.NewGuid();
        }
    }

    private static void LockChain(RegistryDb db, SaveInProgress save)
    {
        if (db.Database.CurrentTransaction is null)
            save.OwnTransaction = db.Database.BeginTransaction();
        if (db.Database.IsNpgsql())
            db.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({PostgresChainLockKey})");
    }

    internal static string KeyOf(EntityEntry entry) =>
        string.Join(',', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    /// <summary>Field → [old, new] as JSON; null when nothing worth recording changed.</summary>
    internal static string? Describe(EntityEntry entry)
    {
        var fields = new SortedDictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (BookkeepingProperties.Contains(name) || RecordedByDigest.Contains((entry.Metadata.ClrType, name)))
                continue;
            if (entry.State == EntityState.Modified && !p.IsModified)
                continue;
            var old = entry.State == EntityState.Added ? null : Format(p.OriginalValue);
            var now = entry.State == EntityState.Deleted ? null : Format(p.CurrentValue);
            if (entry.State == EntityState.Modified && old == now)
                continue;
            if (IsSecret(entry.Entity, name))
                (old, now) = (old is null ? null : SecretMarker, now is null ? null : SecretMarker);
            fields[name] = [old, now];
        }
        foreach (var c in entry.ComplexProperties)
        {
            if (c.Metadata.ClrType != typeof(SensitiveValue))
                continue;
            // Only the masked form of an encrypted number ever reaches the trail.
            var old = entry.State == EntityState.Added ? null : MaskedOriginal(c);
            var now = entry.State == EntityState.Deleted ? null : (c.CurrentValue as SensitiveValue)?.Masked;
            if (entry.State == EntityState.Modified && old == now && !c.IsModified)
                continue;
            fields[c.Metadata.Name] = [old, now];
        }
        if (fields.Count == 0)
            return null;
        return JsonSerializer.Serialize(fields, ChangesJson);
    }

    /// <summary>
    /// A stored row's fields as the trail would record them (each field's current value, secrets as a marker,
    /// encrypted numbers masked): what <c>audit verify --deep</c> compares with the values the trail last recorded.
    /// </summary>
    internal static Dictionary<string, string?> RecordedFields(EntityEntry entry)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in entry.Properties)
        {
            if (BookkeepingProperties.Contains(p.Metadata.Name))
                continue;
            var now = Format(p.CurrentValue);
            fields[p.Metadata.Name] = IsSecret(entry.Entity, p.Metadata.Name) && now is not null ? SecretMarker : now;
        }
        foreach (var c in entry.ComplexProperties.Where(c => c.Metadata.ClrType == typeof(SensitiveValue)))
            fields[c.Metadata.Name] = (c.CurrentValue as SensitiveValue)?.Masked;
        return fields;
    }

    /// <summary>
    /// Entity types whose changes the trail records: everything but the trail itself, the derived search index,
    /// the once-only notice keys (the notices they guard are recorded) and Data Protection's key ring (key material).
    /// </summary>
    internal static bool IsAudited(Type type) =>
        type != typeof(AuditEntry) && type != typeof(AuditCheckpoint) && type != typeof(SearchDocument) && type != typeof(SearchText)
        && type != typeof(NotificationKey) && type != typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey);

    /// <summary>
    /// What <see cref="Describe"/> records for an Added entry, read from the entity and EF's model instead of a
    /// change-tracker entry: for new rows written outside SaveChanges (<see cref="Bulk.SpecialistBulkInsert"/>),
    /// whose audit entries must be exactly the ones a save would have written.
    /// </summary>
    internal static string? DescribeAdded(IEntityType type, object entity)
    {
        // Field by field as Describe's sorted dictionary and JsonSerializer would write it, without either:
        // an import describes some 90,000 new rows, and that was a good part of its audit cost.
        var fields = AddedFields.GetOrAdd(type, PlanAdded);
        if (fields.Length == 0)
            return null;
        var buffer = t_addedBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = t_addedWriter ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ChangesJson.Encoder });
        json.Reset(buffer);
        json.WriteStartObject();
        foreach (var field in fields)
        {
            var value = field.Property.GetGetter().GetClrValue(entity);
            var now = field.Sensitive ? (value as SensitiveValue)?.Masked : Format(value);
            if (field.Secret)
                now = now is null ? null : SecretMarker;
            json.WritePropertyName(field.Name);
            json.WriteStartArray();
            json.WriteNullValue();
            if (now is null)
                json.WriteNullValue();
            else
                json.WriteStringValue(now);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private sealed record AddedField(JsonEncodedText Name, IPropertyBase Property, bool Sensitive, bool Secret);

    private static readonly ConcurrentDictionary<IEntityType, AddedField[]> AddedFields = new();
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_addedBuffer;
    [ThreadStatic] private static Utf8JsonWriter? t_addedWriter;

    // The fields Describe records for an Added entry of this type, in its (ordinal) order.
    private static AddedField[] PlanAdded(IEntityType type)
    {
        var fields = new List<(string Name, AddedField Field)>();
        var isToken = typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<string>).IsAssignableFrom(type.ClrType);
        foreach (var p in type.GetProperties())
        {
            if (BookkeepingProperties.Contains(p.Name) || RecordedByDigest.Contains((type.ClrType, p.Name)))
                continue;
            // A shadow property's value lives only in a change-tracker entry; such types must go through SaveChanges.
            if (p.IsShadowProperty())
                throw new NotSupportedException($"{type.ClrType.Name}.{p.Name} is a shadow property; add the entity through SaveChanges.");
            fields.Add((p.Name, new AddedField(Encoded(p.Name), p, false, SecretProperties.Contains(p.Name) || (isToken && p.Name == "Value"))));
        }
        foreach (var c in type.GetComplexProperties().Where(c => c.ClrType == typeof(SensitiveValue)))
            fields.Add((c.Name, new AddedField(Encoded(c.Name), c, true, false)));
        return [.. fields.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.Field)];

        static JsonEncodedText Encoded(string name) => JsonEncodedText.Encode(name, ChangesJson.Encoder);
    }

    /// <summary>The entry's key as <see cref="KeyOf(EntityEntry)"/> writes it, for an entity that is not tracked.</summary>
    internal static string KeyOf(IEntityType type, object entity) =>
        string.Join(',', type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter().GetClrValue(entity)?.ToString()));

    // Identity tokens (authenticator keys, recovery codes) are secrets too.
    private static bool IsSecret(object entity, string property) =>
        SecretProperties.Contains(property) || (entity is Microsoft.AspNetCore.Identity.IdentityUserToken<string> && property == "Value");

    private static string? MaskedOriginal(ComplexPropertyEntry c)
    {
        var last4 = c.Property(nameof(SensitiveValue.Last4)).OriginalValue as string;
        var cipher = c.Property(nameof(SensitiveValue.Cipher)).OriginalValue as string;
        return string.IsNullOrEmpty(cipher) ? "" : $"••••{last4}";
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.UtcDateTime.ToString("O"),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
