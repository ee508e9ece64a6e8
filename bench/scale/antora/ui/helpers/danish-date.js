'use strict';
// 2026-06-05 → 5. juni 2026, as the handbook writes dates.
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
module.exports = (iso) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  return match ? `${Number(match[3])}. ${MONTHS[Number(match[2]) - 1]} ${match[1]}` : iso;
};
