using Microsoft.EntityFrameworkCore;

namespace SpecialistRegistry.Data;

/// <summary>
/// The parts of the search index that EF's model cannot express, created at start-up (idempotent): SQLite's FTS5
/// table over SearchTexts with the triggers that keep it in step inside every transaction, PostgreSQL's trigram
/// index, and the look-up hash indexes for exact passport and national ID search.
/// </summary>
public static class SearchIndexSchema
{
    public const string FtsTable = "SearchTextIndex";
    /// <summary>Which search documents changed, in commit order; the in-memory search index follows it.</summary>
    public const string ChangeLog = "SearchChanges";

    public static async Task EnsureAsync(RegistryDb db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var exists = await db.Database
                .SqlQueryRaw<long>($"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name = '{FtsTable}'")
                .SingleAsync(ct) > 0;
            if (!exists)
            {
                await db.Database.ExecuteSqlRawAsync($"""
                    CREATE VIRTUAL TABLE {FtsTable} USING fts5(Text, content='SearchTexts', content_rowid='DocId',
                        tokenize='unicode61 remove_diacritics 2');
                    CREATE TRIGGER IF NOT EXISTS SearchTexts_ai AFTER INSERT ON SearchTexts BEGIN
                        INSERT INTO {FtsTable}(rowid, Text) VALUES (new.DocId, new.Text);
                    END;
                    CREATE TRIGGER IF NOT EXISTS SearchTexts_ad AFTER DELETE ON SearchTexts BEGIN
                        INSERT INTO {FtsTable}({FtsTable}, rowid, Text) VALUES ('delete', old.DocId, old.Text);
                    END;
                    CREATE TRIGGER IF NOT EXISTS SearchTexts_au AFTER UPDATE ON SearchTexts BEGIN
                        INSERT INTO {FtsTable}({FtsTable}, rowid, Text) VALUES ('delete', old.DocId, old.Text);
                        INSERT INTO {FtsTable}(rowid, Text) VALUES (new.DocId, new.Text);
                    END;
                    INSERT INTO {FtsTable}({FtsTable}) VALUES ('rebuild');
                    """, ct);
            }
            // SQLite runs one writer at a time, so the log's numbers follow commit order and a reader that has
            // seen number N has seen every change up to N. AUTOINCREMENT: numbers are never reused after pruning.
            // Trigger names end in a + the event's initial (SearchDocuments_log_ai …): keep them, existing databases have them.
            (string Table, string Event, string Row)[] logged = [("SearchDocuments", "INSERT", "new"), ("SearchDocuments", "UPDATE", "new"),
                ("SearchDocuments", "DELETE", "old"), ("SearchTexts", "INSERT", "new"), ("SearchTexts", "UPDATE", "new")];
            var logTriggers = logged.Select(t => $"""
                CREATE TRIGGER IF NOT EXISTS {t.Table}_log_a{char.ToLowerInvariant(t.Event[0])} AFTER {t.Event} ON {t.Table} BEGIN
                    INSERT INTO {ChangeLog}(DocId) VALUES ({t.Row}.DocId);
                END;
                """);
            // Only constant names go into this SQL.
            var changeLog = $"CREATE TABLE IF NOT EXISTS {ChangeLog} (Seq INTEGER PRIMARY KEY AUTOINCREMENT, DocId INTEGER NOT NULL);\n"
                + string.Join("\n", logTriggers);
            await db.Database.ExecuteSqlRawAsync(changeLog, ct);
        }
        else if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE INDEX IF NOT EXISTS "IX_SearchTexts_Text_trgm" ON "SearchTexts" USING gin ("Text" gin_trgm_ops);
                """, ct);
        }
        // Same SQL on both engines. EF cannot index a complex property's column, so the index is made here.
        await db.Database.ExecuteSqlRawAsync("""
            CREATE INDEX IF NOT EXISTS "IX_Passports_Number_LookupHash" ON "Passports" ("Number_LookupHash");
            CREATE INDEX IF NOT EXISTS "IX_Specialists_NationalId_LookupHash" ON "Specialists" ("NationalId_LookupHash");
            """, ct);

        if (!await db.SearchDocuments.AnyAsync(ct) && await db.Specialists.IgnoreQueryFilters().AnyAsync(ct))
            await SearchIndexInterceptor.RebuildAllAsync(db, ct);
    }
}
