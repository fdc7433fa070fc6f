const S = 'id name status startsOn endsOn capacity timezone programWeeks enrolledCount waitlistCount';
function tree(remaining) {
  return `${S} ` + remaining.map((l) => `${l} { id cohort { ${tree(remaining.filter((x) => x !== l))} } }`).join(' ');
}
console.log(`query($id: ID!) { cohort(id: $id) { ${tree(['sessions', 'enrollments', 'assignments'])} } }`);
