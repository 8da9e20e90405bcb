namespace SpecialistRegistry.Domain;

/// <summary>
/// That a once-only notice was given, by a key such as <c>passport-reminder/{user}/{specialist}/{day}</c>. Its
/// primary key is what keeps "at most once per person per day" when two app nodes or two runs race: the
/// notice is written only by the save that inserted the key (insert-or-ignore, docs/operations.md).
/// </summary>
public sealed class NotificationKey
{
    public string Key { get; set; } = "";
}

/// <summary>
/// The field key's fingerprint in the database: a known text encrypted with the field key when the database was
/// new. At start-up it must decrypt, or the app refuses to start instead of encrypting with a different key.
/// </summary>
public sealed class FieldKeyCheck
{
    /// <summary>Always 1: one row.</summary>
    public int Id { get; set; } = 1;
    public string Sentinel { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
