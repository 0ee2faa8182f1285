// The sample practice: SYNTHETIC people and places. Names, addresses and postcodes are invented
// (the town of Hartley Bridge and its "HB" postcodes do not exist); NHS numbers are in the 999
// test range, which is never issued to patients; the ODS codes are made up.
// Anything resembling a real person is coincidental.

export interface SamplePatient {
  id: string;
  prefix: string;
  given: string[];
  family: string;
  gender: 'male' | 'female' | 'other';
  birthDate: string;
  nhs: string;
  line: string;
  postcode: string;
  phone?: string;
  /** usual GP (staff id) */
  gp: string;
}

export interface SampleStaff {
  id: string;
  prefix?: string;
  given: string;
  family: string;
  role: 'gp' | 'admin';
  email: string;
}

export const PRACTICE = {
  id: 'practice-hartley-bridge',
  ods: 'Y90412',
  name: 'Riverside Surgery (SYNTHETIC SAMPLE PRACTICE)',
  line: '14 Quay Street',
  city: 'Hartley Bridge',
  postcode: 'HB1 2QS',
  phone: '01632 960 412', // Ofcom drama range: never a real number
};

export const STAFF: SampleStaff[] = [
  { id: 'gp-holloway', prefix: 'Dr', given: 'Helen', family: 'Holloway', role: 'gp', email: 'h.holloway@riverside.example' },
  { id: 'gp-adeyemi', prefix: 'Dr', given: 'Tunde', family: 'Adeyemi', role: 'gp', email: 't.adeyemi@riverside.example' },
  { id: 'gp-mcallister', prefix: 'Dr', given: 'Fiona', family: 'McAllister', role: 'gp', email: 'f.mcallister@riverside.example' },
  { id: 'admin-doyle', given: 'Karen', family: 'Doyle', role: 'admin', email: 'k.doyle@riverside.example' },
  { id: 'admin-siddiqui', given: 'Imran', family: 'Siddiqui', role: 'admin', email: 'i.siddiqui@riverside.example' },
  { id: 'admin-lawson', given: 'Bethany', family: 'Lawson', role: 'admin', email: 'b.lawson@riverside.example' },
];

const P = (id: string, prefix: string, given: string[], family: string, gender: SamplePatient['gender'], birthDate: string, nhs: string, line: string, postcode: string, gp: string): SamplePatient =>
  ({ id, prefix, given, family, gender, birthDate, nhs, line, postcode, gp });

export const PATIENTS: SamplePatient[] = [
  P('pt-01', 'Mrs', ['Margaret', 'Ellen'], 'Ashdown', 'female', '1941-05-17', '9990759030', '3 Weaver Row', 'HB1 4DL', 'gp-holloway'),
  P('pt-02', 'Mr', ['Derek'], 'Pilkington', 'male', '1953-11-02', '9991148248', '27 Canal Side', 'HB2 7NT', 'gp-adeyemi'),
  P('pt-03', 'Ms', ['Aaliyah'], 'Rahman', 'female', '1988-02-29', '9999058515', 'Flat 6, Mill House, Dyer Lane', 'HB1 3EW', 'gp-mcallister'),
  P('pt-04', 'Mr', ['Gareth', 'Huw'], 'Pryce-Evans', 'male', '1967-08-09', '9997541669', '112 Moor Road', 'HB3 9PA', 'gp-holloway'),
  P('pt-05', 'Mrs', ['Sunita'], 'Chaudhry', 'female', '1959-12-21', '9999637957', '8 Linden Avenue', 'HB2 5RG', 'gp-adeyemi'),
  P('pt-06', 'Mr', ['Patrick'], "O'Driscoll", 'male', '1946-03-30', '9991771549', '41 Bridge End', 'HB1 1AX', 'gp-mcallister'),
  P('pt-07', 'Miss', ['Chloe'], 'Whitaker', 'female', '2009-06-14', '9991941916', '19 Sorrel Way', 'HB4 2JU', 'gp-holloway'),
  P('pt-08', 'Mr', ['Kwame'], 'Boateng', 'male', '1979-10-05', '9991379967', '5 Tannery Court', 'HB1 3HN', 'gp-adeyemi'),
  P('pt-09', 'Mrs', ['Joan'], 'Featherstone', 'female', '1934-01-11', '9995909995', 'Room 12, Elmfield Care Home, Church Hill', 'HB3 6LT', 'gp-mcallister'),
  P('pt-10', 'Mr', ['Stanisław'], 'Nowak', 'male', '1972-04-23', '9994180002', '66 Foundry Street', 'HB2 8DS', 'gp-holloway'),
  P('pt-11', 'Ms', ['Rebecca', 'Jane'], 'Thornley', 'female', '1983-09-18', '9997879732', '2 Heron Close', 'HB4 7QY', 'gp-adeyemi'),
  P('pt-12', 'Mr', ['Ahmed'], 'Hussain', 'male', '1961-07-07', '9995753553', '90 Station Road', 'HB1 5BB', 'gp-mcallister'),
  P('pt-13', 'Mrs', ['Irene'], 'Calder', 'female', '1949-02-02', '9997498356', '14 Orchard Grove', 'HB3 2FE', 'gp-holloway'),
  P('pt-14', 'Mr', ['Liam'], 'Gallagher-Stone', 'male', '1995-12-01', '9994967428', 'Flat 3, 7 Market Place', 'HB1 2RR', 'gp-adeyemi'),
  P('pt-15', 'Mrs', ['Zoë'], 'Lefèvre', 'female', '1976-05-26', '9995362414', '31 Kiln Lane', 'HB2 4WW', 'gp-mcallister'),
  P('pt-16', 'Mr', ['Raymond'], 'Birtwistle', 'male', '1938-08-15', '9994006061', '7 Fellside Cottages', 'HB5 1NL', 'gp-holloway'),
  P('pt-17', 'Ms', ['Priyanka'], 'Desai', 'female', '1991-03-12', '9993111430', '48 Laburnum Street', 'HB2 6ST', 'gp-adeyemi'),
  P('pt-18', 'Mr', ['Colin'], 'Entwistle', 'male', '1957-06-28', '9990205329', '23 Ridgeway', 'HB4 3BZ', 'gp-mcallister'),
  P('pt-19', 'Mrs', ['Dorothy', 'May'], 'Hargreaves', 'female', '1944-10-09', '9997862678', '5 Chapel Fold', 'HB3 8AH', 'gp-holloway'),
  P('pt-20', 'Master', ['Oliver'], 'Kaczmarek', 'male', '2019-01-20', '9993223123', '12 Bramble Drive', 'HB4 5XE', 'gp-adeyemi'),
  P('pt-21', 'Mr', ['Terence'], 'Mulligan', 'male', '1950-04-04', '9990320152', '88 Wharf Road', 'HB1 6QP', 'gp-mcallister'),
  P('pt-22', 'Ms', ['Naomi'], 'Clarke', 'female', '1999-07-31', '9993186783', 'Flat 14, Beck View, Riverside', 'HB1 7TU', 'gp-holloway'),
  P('pt-23', 'Mrs', ['Gwen'], 'Illingworth', 'female', '1952-11-19', '9990257795', '9 Pinfold Lane', 'HB5 3GD', 'gp-adeyemi'),
  P('pt-24', 'Mr', ['Samuel'], 'Achterberg', 'male', '1969-01-27', '9994054236', '54 Highfield Road', 'HB2 9LJ', 'gp-mcallister'),
  P('pt-25', 'Mrs', ['Fatima'], 'Begum', 'female', '1965-09-03', '9993498076', '17 Spinners Way', 'HB1 4NN', 'gp-holloway'),
  P('pt-26', 'Mr', ['Harold'], 'Ackroyd', 'male', '1930-12-25', '9994736787', '3 Almshouse Yard', 'HB3 1DD', 'gp-adeyemi'),
  P('pt-27', 'Ms', ['Erin'], 'Maguire', 'female', '1986-04-16', '9990907307', '71 Victoria Terrace', 'HB2 3PK', 'gp-mcallister'),
  P('pt-28', 'Mr', ['Daniel'], 'Okafor', 'male', '2004-08-22', '9991297138', '26 Cobden Street', 'HB4 8EF', 'gp-holloway'),
  P('pt-29', 'Miss', ['Isla'], 'Okafor', 'female', '2004-08-22', '9997492382', '26 Cobden Street', 'HB4 8EF', 'gp-holloway'),
  P('pt-30', 'Mrs', ['Bernadette'], 'Quinn', 'female', '1962-02-14', '9995201348', '40 Shuttle Street', 'HB1 3JY', 'gp-adeyemi'),
];
