const S = 'id name status startsOn endsOn capacity timezone programWeeks enrolledCount waitlistCount';
function tree(remaining) {
  return `${S} ` + remaining.map((l) => `${l} { id cohort { ${tree(remaining.filter((x) => x !== l))} } }`).join(' ');
}
const n = Number(process.argv[2]);
const names = Array.from({ length: n }, (_, i) => `F${i}`);
console.log(`query($id: ID!) { cohort(id: $id) { ${names.map((f) => `...${f}`).join(' ')} } } ` + names.map((f) => `fragment ${f} on Cohort { ${tree(['sessions', 'enrollments', 'assignments'])} }`).join(' '));
