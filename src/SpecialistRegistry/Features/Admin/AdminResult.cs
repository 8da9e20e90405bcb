namespace SpecialistRegistry.Features.Admin;

/// <summary>
/// The outcome of an admin operation. A refusal carries a message for the admin and, when one input is to
/// blame, the name of that input so the dialog can show the message on the field.
/// </summary>
public sealed record AdminResult<T>(T? Value, string? Error, string? Field)
{
    public bool Succeeded => Error is null;

    public static AdminResult<T> Ok(T value) => new(value, null, null);

    public static AdminResult<T> Fail(string error, string? field = null) => new(default, error, field);
}

/// <summary>For operations with nothing to hand back.</summary>
public readonly record struct Done;

/// <summary>One page of a server-side grid and the number of rows across all pages.</summary>
public sealed record GridPage<T>(IReadOnlyList<T> Items, int Total);

/// <summary>Paging and sorting as a grid asks for it. Sort names the row property to order by.</summary>
public sealed record PageRequest(int Page = 0, int PageSize = 25, string? Sort = null, bool Descending = false)
{
    public const int MaxPageSize = 100;

    public int Skip => Math.Max(Page, 0) * Take;
    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}
